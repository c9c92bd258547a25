import { z } from "zod";

/**
 * Faults the SMTP server plays for tests of the app's retries, in memory only (a restart or a
 * reset clears them, as every sandbox fault):
 *
 * - `refuse-temporarily`: the next `count` messages are read and then answered 451 (not stored);
 * - `refuse-recipient`: `RCPT TO` of that address (any case) is answered 550 until cleared;
 * - `accept-then-drop-connection`: the next `count` messages are stored, then the connection is
 *   cut instead of the final 250, so the client cannot tell whether the message went through.
 */
export const mailboxFaultSchema = z.discriminatedUnion("mode", [
  z.strictObject({
    mode: z.literal("refuse-temporarily"),
    count: z.number().int().min(1).max(10_000).default(1),
  }),
  z.strictObject({
    mode: z.literal("refuse-recipient"),
    address: z.string().trim().min(3).max(320).includes("@"),
  }),
  z.strictObject({
    mode: z.literal("accept-then-drop-connection"),
    count: z.number().int().min(1).max(10_000).default(1),
  }),
]);
export type MailboxFault = z.infer<typeof mailboxFaultSchema>;

/** `{}` clears every fault; `{ mode }` one mode; `{ mode: "refuse-recipient", address }` one address. */
export const clearFaultsSchema = z
  .strictObject({
    mode: z
      .enum(["refuse-temporarily", "refuse-recipient", "accept-then-drop-connection"])
      .optional(),
    address: z.string().trim().min(1).max(320).optional(),
  })
  .refine((body) => body.address === undefined || body.mode === "refuse-recipient", {
    message: 'address goes with mode "refuse-recipient"',
    path: ["address"],
  });

/** What to do with a message whose DATA has been read. */
export type MessageVerdict = "accept" | "refuse-temporarily" | "accept-then-drop";

export class MailboxFaults {
  private refuseTemporarily = 0;
  private dropAfterAccept = 0;
  private refusedRecipients = new Set<string>();

  arm(fault: MailboxFault): void {
    switch (fault.mode) {
      case "refuse-temporarily":
        this.refuseTemporarily = fault.count;
        break;
      case "accept-then-drop-connection":
        this.dropAfterAccept = fault.count;
        break;
      case "refuse-recipient":
        this.refusedRecipients.add(fault.address.toLowerCase());
        break;
    }
  }

  /** True when `RCPT TO:<address>` must be refused for good. */
  refusesRecipient(address: string): boolean {
    return this.refusedRecipients.has(address.trim().toLowerCase());
  }

  /** Decides the fate of one received message, using up one count of an armed fault. */
  nextMessage(): MessageVerdict {
    if (this.refuseTemporarily > 0) {
      this.refuseTemporarily--;
      return "refuse-temporarily";
    }
    if (this.dropAfterAccept > 0) {
      this.dropAfterAccept--;
      return "accept-then-drop";
    }
    return "accept";
  }

  /** Clears one mode (one address of `refuse-recipient` when given), or everything. */
  clear(which: z.infer<typeof clearFaultsSchema> = {}): void {
    const { mode, address } = which;
    if (mode === undefined || mode === "refuse-temporarily") this.refuseTemporarily = 0;
    if (mode === undefined || mode === "accept-then-drop-connection") this.dropAfterAccept = 0;
    if (mode === undefined || mode === "refuse-recipient") {
      if (address === undefined) this.refusedRecipients.clear();
      else this.refusedRecipients.delete(address.toLowerCase());
    }
  }

  view() {
    return {
      refuseTemporarily: this.refuseTemporarily,
      refusedRecipients: [...this.refusedRecipients].sort(),
      dropAfterAccept: this.dropAfterAccept,
    };
  }
}
