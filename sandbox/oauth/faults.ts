import { z } from "zod";

/** Faults the control API can inject into the token endpoint, for testing the app's resilience. */
export const tokenFaultSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("error"),
    status: z.number().int().min(400).max(599).default(503),
    error: z
      .string()
      .regex(/^[a-z_]{1,64}$/)
      .default("temporarily_unavailable"),
    count: z.number().int().min(1).max(1000).default(1),
  }),
  z.object({
    mode: z.literal("slow"),
    delayMs: z.number().int().min(0).max(120_000),
    count: z.number().int().min(1).max(1000).default(1),
  }),
  z.object({
    mode: z.literal("drop-after-rotate"),
    count: z.number().int().min(1).max(1000).default(1),
  }),
]);
export type TokenFault = z.infer<typeof tokenFaultSchema>;

/** The armed fault, if any; each trigger uses one of its `count`. In memory only: a restart clears it. */
export class TokenFaults {
  private armed: TokenFault | null = null;

  set(fault: TokenFault): void {
    this.armed = { ...fault };
  }

  clear(): void {
    this.armed = null;
  }

  current(): TokenFault | null {
    return this.armed;
  }

  /** Takes the armed fault if it is of this mode, spending one use. */
  take<M extends TokenFault["mode"]>(mode: M): Extract<TokenFault, { mode: M }> | null {
    const fault = this.armed;
    if (!fault || fault.mode !== mode) return null;
    fault.count -= 1;
    if (fault.count <= 0) this.armed = null;
    return fault as Extract<TokenFault, { mode: M }>;
  }
}
