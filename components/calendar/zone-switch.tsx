"use client";

import { useId } from "react";
import { zoneName } from "@/lib/calendar/format";
import type { CalendarState } from "@/lib/calendar/search-params";
import { RadioGroup } from "./radio-group";

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
      <RadioGroup
        label="Show times in"
        describedBy={noteId}
        value={value}
        options={[
          { value: "viewer", label: `Your time zone (${zoneName(viewerZone)})` },
          { value: "event", label: "Each interview’s time zone" },
        ]}
        onChange={onChange}
      />
      {/* Days and the week grid stay in one zone, or an event could sit on two different days. */}
      <p id={noteId} className="text-sm text-slate-600">
        Days follow your time zone; each interview always states its own.
      </p>
    </div>
  );
}
