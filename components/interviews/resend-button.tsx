"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ResendAction } from "./message-history";

/** Queues a failed or unknown message again and says how that went. */
export function ResendButton({
  eventId,
  messageId,
  label,
  resend,
}: {
  eventId: string;
  messageId: string;
  /** The button's accessible name, e.g. "Resend the invitation (version 2)". */
  label: string;
  resend: ResendAction;
}) {
  const [pending, startTransition] = useTransition();
  const [answer, setAnswer] = useState<string | null>(null);
  return (
    <>
      <Button
        size="sm"
        variant="outline"
        disabled={pending}
        aria-label={label}
        onClick={() =>
          startTransition(async () => {
            const result = await resend({ candidateMessageId: messageId, eventId });
            setAnswer(result.queued ? "Queued again." : (result.error ?? null));
          })
        }
      >
        {pending ? "Resending…" : "Resend"}
      </Button>
      {answer && (
        <span role="status" className="text-sm text-slate-700">
          {answer}
        </span>
      )}
    </>
  );
}
