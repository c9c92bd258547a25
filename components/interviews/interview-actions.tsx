"use client";

import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { ComboboxOption } from "@/components/ui/combobox";
import type { RescheduleFormValues } from "@/lib/scheduling/interview-schemas";

export interface InterviewActionsProps {
  eventId: string;
  title: string;
  timezone: string;
  /** The current start and end as wall-clock parts in the event's zone. */
  localSpan: RescheduleFormValues;
  interviewerEmails: string[];
  hasInterviewee: boolean;
  timeZones: ComboboxOption[];
}

export type InterviewChange =
  "reschedule" | "addInterviewers" | "addInterviewee" | "setTitle" | "setTimezone" | "cancel";

const CHANGES: ReadonlyArray<{ change: InterviewChange; label: string; variant: ButtonVariant }> = [
  { change: "reschedule", label: "Reschedule", variant: "outline" },
  { change: "addInterviewers", label: "Add interviewers", variant: "outline" },
  { change: "addInterviewee", label: "Add interviewee", variant: "outline" },
  { change: "setTitle", label: "Change title", variant: "outline" },
  { change: "setTimezone", label: "Change time zone", variant: "outline" },
  { change: "cancel", label: "Cancel interview", variant: "danger" },
];

// The dialogs bring react-hook-form, zod, Radix's dialog and the time zone combobox: fetched on
// the first hover, focus or press of a button, not with the page (docs/decisions/0058).
// react-query comes with them (./change-dialogs-with-query.tsx, docs/decisions/0091).
const loadDialogs = () => import("./change-dialogs-with-query");
const InterviewChangeDialogs = lazy(() =>
  loadDialogs().then((module) => ({ default: module.ChangeDialogsWithQuery })),
);

/**
 * The changes an event allows, one per dialog because Indeed's update takes one kind of change
 * per request. Each refreshes the page's server data and says what happened in a toast.
 */
export function InterviewActions(props: InterviewActionsProps) {
  const [open, setOpen] = useState<InterviewChange | null>(null);
  const [wanted, setWanted] = useState(false);
  const lastOpened = useRef<InterviewChange | null>(null);
  const triggers = useRef(new Map<InterviewChange, HTMLButtonElement>());

  // The buttons sit outside the dialogs, so focus goes back to the one that opened a dialog
  // once the dialog (and its focus trap) is gone.
  useEffect(() => {
    if (open === null && lastOpened.current) triggers.current.get(lastOpened.current)?.focus();
  }, [open]);

  const changes = CHANGES.filter(
    ({ change }) => change !== "addInterviewee" || !props.hasInterviewee,
  );
  return (
    <div role="group" aria-label="Change this interview" className="flex flex-wrap gap-2">
      {changes.map(({ change, label, variant }) => (
        <Button
          key={change}
          ref={(button) => {
            if (button) triggers.current.set(change, button);
            else triggers.current.delete(change);
          }}
          variant={variant}
          aria-haspopup="dialog"
          aria-expanded={open === change}
          onPointerEnter={() => void loadDialogs()}
          onFocus={() => void loadDialogs()}
          onClick={() => {
            lastOpened.current = change;
            setWanted(true);
            setOpen(change);
          }}
        >
          {label}
        </Button>
      ))}
      {wanted && (
        <Suspense fallback={null}>
          <InterviewChangeDialogs {...props} open={open} onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </div>
  );
}
