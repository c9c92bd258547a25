import { describe, expect, it, vi } from "vitest";
import type { MailboxMessage } from "./mailbox-message";
import { MailboxStore } from "./mailbox-store";

function message(id: string, overrides: Partial<MailboxMessage> = {}): MailboxMessage {
  return {
    id,
    receivedAt: "2026-03-01T09:00:00.000Z",
    envelope: { mailFrom: "ats@acme.example", rcptTo: ["jo@example.net"] },
    messageId: `<${id}@acme.example>`,
    subject: id,
    date: null,
    from: [],
    to: [],
    cc: [],
    replyTo: [],
    text: null,
    html: null,
    attachments: [],
    size: 100,
    rawBase64: "",
    ...overrides,
  };
}

describe("MailboxStore", () => {
  it("lists newest first and limits", () => {
    const store = new MailboxStore();
    for (const id of ["a", "b", "c"]) store.add(message(id));
    expect(store.list().map((m) => m.id)).toEqual(["c", "b", "a"]);
    expect(store.list({ limit: 2 }).map((m) => m.id)).toEqual(["c", "b"]);
  });

  it("filters by a recipient of the envelope, To or Cc, in any case", () => {
    const store = new MailboxStore();
    store.add(message("bcc", { envelope: { mailFrom: null, rcptTo: ["Hidden@Example.net"] } }));
    store.add(message("to", { to: [{ name: "Jo", address: "jo@example.net" }] }));
    store.add(message("cc", { cc: [{ name: "", address: "CC@example.net" }] }));
    expect(store.list({ to: "hidden@example.NET" }).map((m) => m.id)).toEqual(["bcc"]);
    expect(store.list({ to: "cc@example.net" }).map((m) => m.id)).toEqual(["cc"]);
    expect(store.list({ to: "nobody@example.net" })).toEqual([]);
  });

  it("drops the oldest messages past its bounds on count and bytes", () => {
    const byCount = new MailboxStore({ messages: 2, bytes: 10_000 });
    for (const id of ["a", "b", "c"]) byCount.add(message(id));
    expect(byCount.list().map((m) => m.id)).toEqual(["c", "b"]);

    const byBytes = new MailboxStore({ messages: 100, bytes: 250 });
    for (const id of ["a", "b", "c"]) byBytes.add(message(id));
    expect(byBytes.list().map((m) => m.id)).toEqual(["c", "b"]);
    // One message larger than the bound is still kept: the newest always stays.
    byBytes.add(message("huge", { size: 1000 }));
    expect(byBytes.list().map((m) => m.id)).toEqual(["huge"]);
  });

  it("round-trips a snapshot and starts empty from an unreadable one", () => {
    const store = new MailboxStore();
    store.add(message("kept"));
    const restored = new MailboxStore();
    restored.load(JSON.parse(JSON.stringify(store.snapshot())));
    expect(restored.list().map((m) => m.id)).toEqual(["kept"]);

    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    restored.load({ messages: "nope" });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(restored.size).toBe(0);
    restored.load({ messages: [{ id: 1 }, message("ok")] });
    expect(restored.list().map((m) => m.id)).toEqual(["ok"]);
  });
});
