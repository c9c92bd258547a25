import { z } from "zod";
import { readErrorBody } from "@/lib/http/error-body";
import { IndeedRouteError, postToLobby } from "@/lib/indeed/route-error";

/**
 * The browser's side of POST /interviews/new/confirm (lib/scheduling/reconcile-pending-route.ts):
 * asks until Indeed answers whether a create or a change it left unconfirmed happened.
 * Client-safe.
 */

const confirmationSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("confirmed"), eventId: z.string().min(1) }),
  z.object({ state: z.literal("pending"), message: z.string() }),
  z.object({ state: z.literal("not_found"), message: z.string() }),
]);

export type Confirmation =
  z.infer<typeof confirmationSchema> | { state: "failed"; message: string };

/** Asks this many times while Indeed cannot be reached, waiting longer each time. */
const MAX_ASKS = 5;
const FIRST_WAIT_MS = 2_000;

/** A create's attempt, or the event whose change is being checked. */
export type ConfirmationKey = { attemptId: string } | { eventId: string };

async function askOnce(key: ConfirmationKey, signal?: AbortSignal): Promise<Confirmation> {
  let response: Response;
  try {
    response = await postToLobby("/interviews/new/confirm", key, signal);
  } catch (error) {
    if (!(error instanceof IndeedRouteError)) throw error;
    return { state: "pending", message: "Lobby could not be reached; checking again shortly." };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) return { state: "failed", message: readErrorBody(body).message };
  const parsed = confirmationSchema.safeParse(body);
  return parsed.success
    ? parsed.data
    : { state: "failed", message: "Lobby's answer could not be read; reload the page." };
}

export interface ConfirmOptions {
  signal?: AbortSignal;
  onPending?: (message: string) => void;
  wait?: (ms: number) => Promise<void>;
}

/** confirmOutcome for a create's attempt (the create form). */
export function confirmCreate(attemptId: string, options?: ConfirmOptions): Promise<Confirmation> {
  return confirmOutcome({ attemptId }, options);
}

/**
 * Asks until the create or change is confirmed or not found, or MAX_ASKS answers said "still
 * pending"; `onPending` hears each of those.
 */
export async function confirmOutcome(
  key: ConfirmationKey,
  options: ConfirmOptions = {},
): Promise<Confirmation> {
  const wait = options.wait ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let answer: Confirmation = { state: "pending", message: "" };
  for (let ask = 0; ask < MAX_ASKS; ask++) {
    if (ask > 0) await wait(FIRST_WAIT_MS * 2 ** (ask - 1));
    answer = await askOnce(key, options.signal);
    if (answer.state !== "pending") return answer;
    options.onPending?.(answer.message);
  }
  return answer;
}

/**
 * What a form shows when a check ended unconfirmed: Indeed's "not made" answer, the route's own
 * refusal when there was nothing to check, or, while Indeed stays unreachable, when to look
 * again. `outcome` says what may have happened ("created", "made").
 */
export function unconfirmedMessage(
  answer: Exclude<Confirmation, { state: "confirmed" }>,
  refusal: string,
  outcome: string,
): string {
  if (answer.state === "pending")
    return `${answer.message} Reload the page later to see whether it was ${outcome}.`;
  return answer.state === "failed" ? refusal : answer.message;
}
