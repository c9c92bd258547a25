"use client";

import { ToggleGroup } from "radix-ui";
import { useId } from "react";
import { zoneName } from "@/lib/calendar/format";
import type { CalendarState } from "@/lib/calendar/search-params";
import { toggleItemClassName } from "./toggle-item";

export function ZoneSwitchControl({
  value,
  viewerZone,
  onChange,
}: {
  value: CalendarState["zone"];
  viewerZone: string;
  onChange: (zone: CalendarState["zone"]) => void;
}) {
  const noteId = useId();
  return (
    <div className="flex flex-col gap-1">
      <ToggleGroup.Root
        type="single"
        value={value}
        onValueChange={(next) => next && onChange(next as CalendarState["zone"])}
        aria-label="Show times in"
        aria-describedby={noteId}
        className="flex flex-wrap gap-2"
      >
        <ToggleGroup.Item value="viewer" className={toggleItemClassName}>
          Your time zone ({zoneName(viewerZone)})
        </ToggleGroup.Item>
        <ToggleGroup.Item value="event" className={toggleItemClassName}>
          Each interview&rsquo;s time zone
        </ToggleGroup.Item>
      </ToggleGroup.Root>
      {/* Days and the week grid stay in one zone, or an event could sit on two different days. */}
      <p id={noteId} className="text-sm text-slate-600">
        Days follow your time zone; each interview always states its own.
      </p>
    </div>
  );
}
