import { describe, expect, it } from "vitest";
import { control, setupTestSandbox } from "../testing/harness";
import { invitation, listMessages, transport } from "./test-harness";

const sandbox = setupTestSandbox({ resetBeforeEach: true });

/** What nodemailer reports for a refused or failed delivery. */
interface SendError {
  code?: string;
  responseCode?: number;
  rejected?: string[];
}

async function sendExpectingError(options = invitation()): Promise<SendError> {
  try {
    await transport(sandbox).sendMail(options);
  } catch (error) {
    return error as SendError;
  }
  throw new Error("the message was accepted");
}

describe("SMTP faults", () => {
  it("refuse-temporarily answers 451 to the next N messages and stores none of them, then accepts", async () => {
    const armed = await control(sandbox, "POST", "/_sandbox/mailbox/faults", {
      mode: "refuse-temporarily",
      count: 3,
    });
    expect(armed).toMatchObject({ status: 200, body: { refuseTemporarily: 3 } });

    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await sendExpectingError()).toMatchObject({ code: "EMESSAGE", responseCode: 451 });
    }
    expect((await listMessages(sandbox)).total).toBe(0);

    const info = await transport(sandbox).sendMail(invitation());
    expect(info.response).toMatch(/^250 /);
    expect((await listMessages(sandbox)).total).toBe(1);
  });

  it("refuse-recipient answers 550 to that address (any case) for good, and delivers to the others", async () => {
    await control(sandbox, "POST", "/_sandbox/mailbox/faults", {
      mode: "refuse-recipient",
      address: "Gone@Example.net",
    });

    for (let attempt = 1; attempt <= 2; attempt++) {
      expect(await sendExpectingError(invitation({ to: "gone@example.NET" }))).toMatchObject({
        code: "EENVELOPE",
        responseCode: 550,
      });
    }
    const mixed = await transport(sandbox).sendMail(
      invitation({ to: ["gone@example.net", "here@example.net"] }),
    );
    expect(mixed.rejected).toEqual(["gone@example.net"]);
    expect(mixed.accepted).toEqual(["here@example.net"]);

    const { messages } = await listMessages(sandbox);
    expect(messages.map((m) => m.envelope.rcptTo)).toEqual([["here@example.net"]]);
  });

  it("accept-then-drop-connection stores the message but the client never reads the 250", async () => {
    await control(sandbox, "POST", "/_sandbox/mailbox/faults", {
      mode: "accept-then-drop-connection",
    });
    const error = await sendExpectingError(invitation({ subject: "did it arrive?" }));
    expect(error.code).toBe("ECONNECTION");
    expect(error.responseCode).toBeUndefined();

    const { messages } = await listMessages(sandbox);
    expect(messages.map((m) => m.subject)).toEqual(["did it arrive?"]);

    // One message only: the next one is accepted as usual.
    const info = await transport(sandbox).sendMail(invitation({ subject: "next" }));
    expect(info.response).toMatch(/^250 /);
  });

  it("POST /_sandbox/mailbox/faults/clear and a reset disarm every fault", async () => {
    await control(sandbox, "POST", "/_sandbox/mailbox/faults", { mode: "refuse-temporarily" });
    await control(sandbox, "POST", "/_sandbox/mailbox/faults", {
      mode: "refuse-recipient",
      address: "a@example.net",
    });
    await control(sandbox, "POST", "/_sandbox/mailbox/faults", {
      mode: "refuse-recipient",
      address: "b@example.net",
    });
    const one = await control(sandbox, "POST", "/_sandbox/mailbox/faults/clear", {
      mode: "refuse-recipient",
      address: "A@example.net",
    });
    expect(one.body).toEqual({
      refuseTemporarily: 1,
      refusedRecipients: ["b@example.net"],
      dropAfterAccept: 0,
    });
    const all = await control(sandbox, "POST", "/_sandbox/mailbox/faults/clear", {});
    expect(all.body).toEqual({ refuseTemporarily: 0, refusedRecipients: [], dropAfterAccept: 0 });
    expect(
      (await transport(sandbox).sendMail(invitation({ to: "b@example.net" }))).response,
    ).toMatch(/^250 /);

    await control(sandbox, "POST", "/_sandbox/mailbox/faults", {
      mode: "accept-then-drop-connection",
      count: 2,
    });
    await control(sandbox, "POST", "/_sandbox/reset");
    expect((await control(sandbox, "GET", "/_sandbox/mailbox/faults")).body).toEqual({
      refuseTemporarily: 0,
      refusedRecipients: [],
      dropAfterAccept: 0,
    });
  });

  it("refuses a fault it does not know with 400", async () => {
    for (const body of [
      {},
      { mode: "explode" },
      { mode: "refuse-temporarily", count: 0 },
      { mode: "refuse-recipient" },
      { mode: "refuse-recipient", address: "not-an-address" },
      { mode: "accept-then-drop-connection", extra: true },
    ]) {
      const answer = await control(sandbox, "POST", "/_sandbox/mailbox/faults", body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    const clear = await control(sandbox, "POST", "/_sandbox/mailbox/faults/clear", {
      mode: "refuse-temporarily",
      address: "a@example.net",
    });
    expect(clear.status).toBe(400);
  });
});
