import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ResendButton } from "./resend-button";

/** What the event page shows of one message to the interviewee. */
export interface MessageHistoryItem {
  id: string;
  kind: "invitation" | "update" | "cancellation";
  sequence: number;
  recipientName: string;
  recipientEmail: string;
  status: "queued" | "sending" | "sent" | "retrying" | "failed" | "unknown";
  attempts: number;
  lastError: string | null;
  /** ISO instants. */
  createdAt: string;
  sentAt: string | null;
}

const KIND_LABELS: Record<MessageHistoryItem["kind"], string> = {
  invitation: "Invitation",
  update: "Update",
  cancellation: "Cancellation",
};

const STATUS: Record<MessageHistoryItem["status"], { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "neutral" },
  sending: { label: "Sending", tone: "brand" },
  sent: { label: "Sent", tone: "success" },
  retrying: { label: "Retrying", tone: "warning" },
  failed: { label: "Failed", tone: "danger" },
  unknown: { label: "Delivery unknown", tone: "warning" },
};

export type ResendAction = (input: {
  candidateMessageId: string;
  eventId: string;
}) => Promise<{ queued?: boolean; error?: string }>;

/**
 * The messages Lobby sent the interviewee about this event, oldest first: which version of the
 * calendar entry (SEQUENCE), to whom, and where delivery stands. A failed message, or one whose
 * delivery is unknown (the connection broke after the server may have taken it), can be resent.
 * Rendered on the server; only the resend button runs in the browser.
 */
export function MessageHistory({
  eventId,
  messages,
  resend,
  timeZone,
}: {
  eventId: string;
  messages: MessageHistoryItem[];
  resend: ResendAction;
  timeZone: string;
}) {
  const format = new Intl.DateTimeFormat("en", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  return (
    <section aria-labelledby="message-history-title" className="space-y-3">
      <h2 id="message-history-title" className="text-lg font-semibold text-slate-900">
        Messages to the interviewee
      </h2>
      {messages.length === 0 ? (
        <p className="text-sm text-slate-700">
          None yet. Lobby mails the interviewee when the interview is scheduled with them, and when
          it is rescheduled, retitled, moved to another time zone or canceled.
        </p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {messages.map((message) => (
            <li key={message.id} className="flex flex-wrap items-start gap-x-4 gap-y-2 p-3">
              <div className="min-w-0 flex-1 space-y-1">
                <p className="text-sm font-medium text-slate-900">
                  {KIND_LABELS[message.kind]}{" "}
                  <span className="font-normal text-slate-700">· version {message.sequence}</span>
                </p>
                <p className="text-sm text-slate-700">
                  To {message.recipientName} &lt;{message.recipientEmail}&gt; · queued{" "}
                  {format.format(new Date(message.createdAt))}
                  {message.sentAt ? ` · sent ${format.format(new Date(message.sentAt))}` : ""}
                  {message.attempts > 1 ? ` · ${message.attempts} attempts` : ""}
                </p>
                {message.lastError && message.status !== "sent" && (
                  <p className="text-sm break-words text-slate-700">{message.lastError}</p>
                )}
              </div>
              <div className="flex items-center gap-3">
                <Badge tone={STATUS[message.status].tone}>{STATUS[message.status].label}</Badge>
                {(message.status === "failed" || message.status === "unknown") && (
                  <ResendButton
                    eventId={eventId}
                    messageId={message.id}
                    label={`Resend the ${KIND_LABELS[message.kind].toLowerCase()} (version ${message.sequence})`}
                    resend={resend}
                  />
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
