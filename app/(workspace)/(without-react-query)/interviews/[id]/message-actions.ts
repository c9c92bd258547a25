"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { action, actionErrorMessage } from "@/lib/http/action";
import { resendCandidateMessage } from "@/lib/mail/queue-candidate-message";

export interface ResendState {
  queued?: boolean;
  error?: string;
}

type ResendInput = { candidateMessageId: string; eventId: string };

const resendInput = z.object({ candidateMessageId: z.uuid(), eventId: z.string().min(1).max(500) });

/**
 * Puts a failed (or unknown) message to the interviewee back in the queue. Same-origin and
 * signed-in (lib/http/action); scoped to the session's employer, so another employer's message
 * id changes nothing.
 */
export const resendMessageAction = action(
  {
    auth: "employer",
    onError: (error, { requestId }, _input: ResendInput): ResendState => ({
      error: actionErrorMessage(error, requestId),
    }),
  },
  async ({ session }, input: ResendInput): Promise<ResendState> => {
    const parsed = resendInput.safeParse(input);
    if (!parsed.success) return { error: "That message cannot be resent." };
    const queued = await resendCandidateMessage(db(), {
      employerId: session.employer.id,
      candidateMessageId: parsed.data.candidateMessageId,
      userId: session.userId,
    });
    revalidatePath(`/interviews/${encodeURIComponent(parsed.data.eventId)}`);
    return queued
      ? { queued: true }
      : { error: "This message is already queued or sent; reload the page to see it." };
  },
);
