import { describe, expect, it } from "vitest";
import { control, setupTestSandbox, startTestSandbox, tempDataDir } from "../testing/harness";
import { ICS_REQUEST, invitation, listMessages, transport } from "./test-harness";

const sandbox = setupTestSandbox({ resetBeforeEach: true });

describe("the sandbox's SMTP server and mailbox", () => {
  it("stores an invitation with its HTML and a text/calendar method=REQUEST part, listed as JSON with the raw MIME", async () => {
    const info = await transport(sandbox).sendMail(
      invitation({ cc: "Dana <dana@acme-robotics.example>", bcc: "audit@acme-robotics.example" }),
    );
    expect(info.response).toMatch(/^250 /);

    const { status, messages, total } = await listMessages(sandbox);
    expect(status).toBe(200);
    expect(total).toBe(1);
    const [message] = messages;
    expect(message).toMatchObject({
      envelope: {
        mailFrom: "interviews@acme-robotics.example",
        rcptTo: [
          "jo.candidate@example.net",
          "dana@acme-robotics.example",
          "audit@acme-robotics.example",
        ],
      },
      messageId: info.messageId,
      subject: "Your interview with Acme Robotics",
      from: [{ name: "Acme Robotics", address: "interviews@acme-robotics.example" }],
      to: [{ name: "Jo Candidate", address: "jo.candidate@example.net" }],
      cc: [{ name: "Dana", address: "dana@acme-robotics.example" }],
      replyTo: [{ name: "", address: "dana@acme-robotics.example" }],
      text: "Join your interview at http://127.0.0.1/lobby/interviewee/abc",
      html: "<p>Join your <strong>interview</strong>.</p>",
    });
    expect(Date.parse(message!.date!)).not.toBeNaN();
    expect(Date.parse(message!.receivedAt)).not.toBeNaN();
    // The calendar alternative carries the method on its MIME type, as calendar clients need.
    const calendar = message!.attachments.find((a) => a.contentType.startsWith("text/calendar"));
    expect(calendar).toMatchObject({ method: "REQUEST", size: Buffer.byteLength(ICS_REQUEST) });
    expect(calendar!.contentType).toMatch(/;\s*method=REQUEST/);
    expect(Buffer.from(calendar!.contentBase64, "base64").toString("utf8")).toBe(ICS_REQUEST);
    // nodemailer also attaches the file itself.
    expect(message!.attachments.find((a) => a.filename === "invite.ics")).toMatchObject({
      disposition: "attachment",
      method: null,
    });
    expect(message!.raw).toContain("Subject: Your interview with Acme Robotics");
    expect(message!.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
    expect(message!.raw).not.toMatch(/^Bcc:/m);
    expect(message!.size).toBe(Buffer.byteLength(message!.raw));
  });

  it("lists newest first, filters by recipient in any case (envelope, To or Cc) and limits", async () => {
    const mail = transport(sandbox);
    await mail.sendMail(invitation({ subject: "first", to: "Ana@Example.net" }));
    await mail.sendMail(invitation({ subject: "second", to: "bo@example.net" }));
    await mail.sendMail(
      invitation({ subject: "third", to: "bo@example.net", bcc: "ana@example.net" }),
    );

    const all = await listMessages(sandbox);
    expect(all.messages.map((m) => m.subject)).toEqual(["third", "second", "first"]);

    const ana = await listMessages(sandbox, "?to=ANA%40example.NET");
    expect(ana.messages.map((m) => m.subject)).toEqual(["third", "first"]);

    const limited = await listMessages(sandbox, "?to=bo@example.net&limit=1");
    expect(limited.messages.map((m) => m.subject)).toEqual(["third"]);

    expect((await listMessages(sandbox, "?to=nobody@example.net")).messages).toEqual([]);
    expect((await listMessages(sandbox, "?limit=0")).status).toBe(400);
    expect((await listMessages(sandbox, "?limit=ten")).status).toBe(400);
  });

  it("answers one message as JSON by id, and 404 for an unknown one", async () => {
    await transport(sandbox).sendMail(invitation());
    const [listed] = (await listMessages(sandbox)).messages;
    const one = await control(sandbox, "GET", `/_sandbox/mailbox/messages/${listed!.id}`);
    expect(one).toMatchObject({ status: 200, body: { id: listed!.id, subject: listed!.subject } });
    const missing = await control(sandbox, "GET", "/_sandbox/mailbox/messages/nope");
    expect(missing.status).toBe(404);
  });

  it("is emptied by POST /_sandbox/reset and by POST /_sandbox/mailbox/clear", async () => {
    await transport(sandbox).sendMail(invitation());
    expect((await listMessages(sandbox)).total).toBe(1);
    expect((await control(sandbox, "POST", "/_sandbox/reset")).status).toBe(200);
    expect((await listMessages(sandbox)).total).toBe(0);

    await transport(sandbox).sendMail(invitation());
    expect(await control(sandbox, "POST", "/_sandbox/mailbox/clear", {})).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect((await listMessages(sandbox)).total).toBe(0);
    expect((await control(sandbox, "POST", "/_sandbox/mailbox/clear", { x: 1 })).status).toBe(400);
  });

  it("accepts credentials a client sends anyway, and journals each delivery", async () => {
    const withAuth = (await import("nodemailer")).default.createTransport(
      `smtp://lobby:secret@127.0.0.1:${sandbox.smtpPort}`,
    );
    const info = await withAuth.sendMail(invitation());
    expect(info.response).toMatch(/^250 /);
    const journal = await control<{ entries: { kind: string; outcome: string }[] }>(
      sandbox,
      "GET",
      "/_sandbox/journal?kind=smtp",
    );
    expect(journal.body.entries.map((e) => e.outcome)).toEqual(["accepted"]);
  });
});

describe("the mailbox across a restart", () => {
  it("keeps its messages in the state file", async () => {
    const dataDir = tempDataDir("mailbox");
    const first = await startTestSandbox({ dataDir, ephemeral: false });
    try {
      await transport(first).sendMail(invitation({ subject: "kept" }));
    } finally {
      await first.close();
    }
    const second = await startTestSandbox({ dataDir, ephemeral: false });
    try {
      const { messages } = await listMessages(second);
      expect(messages.map((m) => m.subject)).toEqual(["kept"]);
      expect(messages[0]!.attachments.some((a) => a.method === "REQUEST")).toBe(true);
    } finally {
      await second.close();
    }
  });
});
