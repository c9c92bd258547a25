import { describe, expect, it } from "vitest";
import { clearFaultsSchema, MailboxFaults, mailboxFaultSchema } from "./mailbox-faults";

describe("MailboxFaults", () => {
  it("refuses the next N messages temporarily, then accepts", () => {
    const faults = new MailboxFaults();
    faults.arm(mailboxFaultSchema.parse({ mode: "refuse-temporarily", count: 2 }));
    expect([faults.nextMessage(), faults.nextMessage(), faults.nextMessage()]).toEqual([
      "refuse-temporarily",
      "refuse-temporarily",
      "accept",
    ]);
  });

  it("drops one connection after accepting when no count is given", () => {
    const faults = new MailboxFaults();
    faults.arm(mailboxFaultSchema.parse({ mode: "accept-then-drop-connection" }));
    expect([faults.nextMessage(), faults.nextMessage()]).toEqual(["accept-then-drop", "accept"]);
  });

  it("uses up temporary refusals before dropping connections", () => {
    const faults = new MailboxFaults();
    faults.arm({ mode: "accept-then-drop-connection", count: 1 });
    faults.arm({ mode: "refuse-temporarily", count: 1 });
    expect([faults.nextMessage(), faults.nextMessage(), faults.nextMessage()]).toEqual([
      "refuse-temporarily",
      "accept-then-drop",
      "accept",
    ]);
  });

  it("refuses a recipient in any case until that address or every fault is cleared", () => {
    const faults = new MailboxFaults();
    faults.arm(mailboxFaultSchema.parse({ mode: "refuse-recipient", address: " Jo@Example.net " }));
    faults.arm({ mode: "refuse-recipient", address: "al@example.net" });
    expect(faults.refusesRecipient("jo@example.NET")).toBe(true);
    expect(faults.refusesRecipient("jo@example.org")).toBe(false);

    faults.clear(clearFaultsSchema.parse({ mode: "refuse-recipient", address: "JO@example.net" }));
    expect(faults.refusesRecipient("jo@example.net")).toBe(false);
    expect(faults.refusesRecipient("al@example.net")).toBe(true);

    faults.clear();
    expect(faults.view()).toEqual({
      refuseTemporarily: 0,
      refusedRecipients: [],
      dropAfterAccept: 0,
    });
  });

  it("clears one mode and leaves the others armed", () => {
    const faults = new MailboxFaults();
    faults.arm({ mode: "refuse-temporarily", count: 3 });
    faults.arm({ mode: "accept-then-drop-connection", count: 1 });
    faults.clear({ mode: "refuse-temporarily" });
    expect(faults.view()).toMatchObject({ refuseTemporarily: 0, dropAfterAccept: 1 });
  });

  it("rejects an address without a mode to clear it from", () => {
    expect(clearFaultsSchema.safeParse({ address: "jo@example.net" }).success).toBe(false);
    expect(clearFaultsSchema.safeParse({}).success).toBe(true);
  });
});
