import { personLabel, type SessionDecisions } from "@/lib/calendar/decisions";

function SessionDecisionList({ decided, undecided }: SessionDecisions) {
  return (
    <div className="space-y-2">
      {decided.length === 0 ? (
        <p className="text-slate-700">No decisions yet.</p>
      ) : (
        <ul className="space-y-2">
          {decided.map((decision, index) => (
            <li key={`${personLabel(decision.interviewer)}-${index}`}>
              <p>
                <span className="font-medium text-slate-900">
                  {personLabel(decision.interviewer)}
                </span>
                : <span data-decision={decision.value}>{decision.label}</span>
              </p>
              {decision.note && (
                <p className="mt-0.5 border-l-2 border-slate-300 pl-3 text-sm whitespace-pre-line text-slate-700">
                  {decision.note}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {undecided.length > 0 && (
        <p className="text-slate-800">Not decided yet: {undecided.map(personLabel).join(", ")}</p>
      )}
    </div>
  );
}

/**
 * Each interviewer's decision (Yes, Maybe, No) with the note, and who has not decided. Indeed
 * keeps decisions per session; session headings appear only when there is more than one.
 */
export function DecisionsSection({ sessions }: { sessions: ReadonlyArray<SessionDecisions> }) {
  return (
    <section aria-labelledby="decisions-heading" className="space-y-3" data-testid="decisions">
      <h2 id="decisions-heading" className="text-lg font-semibold">
        Decisions
      </h2>
      {sessions.length === 0 ? (
        <p className="text-slate-700">
          No decisions yet. Interviewers give theirs on Indeed after the interview.
        </p>
      ) : sessions.length === 1 ? (
        <SessionDecisionList {...sessions[0]!} />
      ) : (
        <ol className="space-y-4">
          {sessions.map((session, index) => (
            <li key={index} className="space-y-1">
              <h3 className="font-semibold">Session {index + 1}</h3>
              <SessionDecisionList {...session} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
