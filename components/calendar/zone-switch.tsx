"use client";

import { ToggleGroup } from "radix-ui";
import { useSearchParams } from "next/navigation";
import { useId } from "react";
import { zoneName } from "@/lib/calendar/format";
import {
  type CalendarState,
  parseCalendarSearchParams,
  serializeCalendarState,
  withDisplayChange,
} from "@/lib/calendar/search-params";
import { usePushQuery } from "./use-push-query";

const itemClassName =
  "rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 " +
  "hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 " +
  "data-[state=on]:bg-brand-600 data-[state=on]:text-white data-[state=on]:ring-brand-600";

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
        <ToggleGroup.Item value="viewer" className={itemClassName}>
          Your time zone ({zoneName(viewerZone)})
        </ToggleGroup.Item>
        <ToggleGroup.Item value="event" className={itemClassName}>
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

/** The zone switch wired to the URL; changing it keeps the page of results. */
export function ZoneSwitch({ viewerZone }: { viewerZone: string }) {
  const searchParams = useSearchParams();
  const push = usePushQuery();
  const state = parseCalendarSearchParams(searchParams);
  return (
    <ZoneSwitchControl
      value={state.zone}
      viewerZone={viewerZone}
      onChange={(zone) => push(serializeCalendarState(withDisplayChange(state, { zone })))}
    />
  );
}
