"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useState, useTransition, type ReactNode } from "react";
import { buttonClassName } from "@/components/ui/button-class-name";
import type { CancelResult, ErasureOutcome } from "@/lib/privacy/types";

// Radix's dialog is fetched on the first hover, focus or press of the erase button, not with
// the page (docs/decisions/0058); Radix returns focus to that button when it closes.
const loadConfirmDialog = () => import("@/components/ui/dialog");
const ConfirmDialog = lazy(() =>
  loadConfirmDialog().then((module) => ({ default: module.ConfirmDialog })),
);

interface UpcomingRow {
  eventId: string;
  title: string;
  when: string;
}

/**
 * The erasure screen's two steps: first, offered and never forced, cancelling the job seeker's
 * upcoming interviews at Indeed (Indeed cannot delete an event); then erasure in Lobby, for an
 * employer admin only, after a confirmation.
 */
export function ErasurePanel({
  requestId,
  upcoming,
  canErase,
  cancelAction,
  eraseAction,
  notes,
}: {
  requestId: string;
  upcoming: UpcomingRow[];
  canErase: boolean;
  cancelAction: (
    requestId: string,
    eventIds: string[],
  ) => Promise<{ error?: string; results?: CancelResult[] }>;
  eraseAction: (requestId: string) => Promise<{ error?: string; outcome?: ErasureOutcome }>;
  /** What each step does, rendered by the page (words on the server, not in this bundle). */
  notes: { cancel: ReactNode; erase: ReactNode };
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>(upcoming.map((row) => row.eventId));
  const [cancelMessage, setCancelMessage] = useState<string | null>(null);
  const [eraseError, setEraseError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmWanted, setConfirmWanted] = useState(false);
  const [cancelling, startCancel] = useTransition();
  const [erasing, startErase] = useTransition();

  const cancel = () =>
    startCancel(async () => {
      setCancelMessage(null);
      const answer = await cancelAction(requestId, chosen);
      if (answer.error) return setCancelMessage(answer.error);
      const done = answer.results?.filter((result) => result.canceled).length ?? 0;
      const failed = answer.results?.filter((result) => !result.canceled) ?? [];
      setCancelMessage(
        `${done} ${done === 1 ? "interview" : "interviews"} canceled at Indeed.` +
          failed.map((result) => ` Not canceled: ${result.message}`).join(""),
      );
      router.refresh();
    });

  const erase = () =>
    startErase(async () => {
      setEraseError(null);
      const answer = await eraseAction(requestId);
      if (answer.error) {
        setEraseError(answer.error);
        setConfirming(false);
        return;
      }
      setConfirming(false);
      router.refresh();
    });

  return (
    <div className="space-y-6">
      <section aria-labelledby="cancel-heading" className="space-y-3">
        <h2 id="cancel-heading" className="text-lg font-semibold text-slate-900">
          1. Their upcoming interviews at Indeed
        </h2>
        {notes.cancel}
        {upcoming.length === 0 ? (
          <p className="text-sm text-slate-700">No upcoming interview.</p>
        ) : (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-900">Cancel at Indeed</legend>
            {upcoming.map((row) => (
              <label key={row.eventId} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={chosen.includes(row.eventId)}
                  onChange={(event) =>
                    setChosen((current) =>
                      event.target.checked
                        ? [...current, row.eventId]
                        : current.filter((id) => id !== row.eventId),
                    )
                  }
                />
                {row.title} — {row.when}
              </label>
            ))}
            <button
              type="button"
              className={buttonClassName({ variant: "outline" })}
              onClick={cancel}
              disabled={cancelling || chosen.length === 0}
            >
              {cancelling ? "Cancelling…" : "Cancel the chosen interviews"}
            </button>
          </fieldset>
        )}
        <p role="status" className="text-sm text-slate-800">
          {cancelMessage}
        </p>
      </section>

      <section aria-labelledby="erase-heading" className="space-y-3">
        <h2 id="erase-heading" className="text-lg font-semibold text-slate-900">
          2. Erase their data in Lobby
        </h2>
        {notes.erase}
        {canErase ? (
          <button
            type="button"
            className={buttonClassName({ variant: "danger" })}
            aria-haspopup="dialog"
            onPointerEnter={() => void loadConfirmDialog()}
            onFocus={() => void loadConfirmDialog()}
            onClick={() => {
              setConfirmWanted(true);
              setConfirming(true);
            }}
          >
            Carry out the erasure
          </button>
        ) : (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            Only an admin of this employer can carry out an erasure.
          </p>
        )}
        <p role="alert" className="text-sm text-red-800">
          {eraseError}
        </p>
        {confirmWanted && (
          <Suspense fallback={null}>
            <ConfirmDialog
              open={confirming}
              onOpenChange={setConfirming}
              title="Erase this job seeker's data?"
              description="This cannot be undone. Interviews at Indeed are not deleted."
              confirmLabel="Erase their data"
              tone="danger"
              pending={erasing}
              onConfirm={erase}
            />
          </Suspense>
        )}
      </section>
    </div>
  );
}
