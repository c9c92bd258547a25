import { describe, expect, it } from "vitest";
import { ACME, advanceClock, control, setupTestSandbox } from "../testing/harness";
import { CREATE_MUTATION, createInput, graphqlClient, mintToken, stringAt } from "./test-harness";

// "When an interview concludes, Indeed sends an email to the interviewers with a link to the
// recording": the sandbox puts it in its outbox when the recording becomes available.

const sandbox = setupTestSandbox({ resetBeforeEach: true });

interface Sent {
  kind: string;
  to: string;
  subject: string;
  text: string;
  at: string;
  recordingUrl: string | null;
}

async function recordingMails(id: string): Promise<Sent[]> {
  const { body } = await control<{ notifications: Sent[] }>(
    sandbox,
    "GET",
    `/_sandbox/notifications?eventId=${encodeURIComponent(id)}&kind=interviewer.recording`,
  );
  return body.notifications;
}

async function scheduledEvent(): Promise<string> {
  const call = graphqlClient(sandbox, await mintToken(sandbox, { employer: ACME }));
  const answer = await call(CREATE_MUTATION, {
    variables: {
      input: await createInput(sandbox, {
        interviewers: [{ email: "ivy@acme-robotics.example" }, { email: "lee@example.org" }],
      }),
    },
  });
  return stringAt(answer.data, "createVirtualInterviewEvent", "event", "id");
}

describe("the recording e-mail", () => {
  it("goes to the interviewers who took part once the recording is available", async () => {
    const id = await scheduledEvent();
    const held = await control<{ recordId: string; recordingReadyAt: string }>(
      sandbox,
      "POST",
      `/_sandbox/events/${encodeURIComponent(id)}/sessions`,
      {
        recording: "available",
        processingMinutes: 20,
        interviewers: ["dana@acme-robotics.example", "ivy@acme-robotics.example"],
      },
    );
    expect(held.status).toBe(201);
    expect(await recordingMails(id)).toEqual([]);

    await advanceClock(sandbox, { minutes: 21 });
    const sent = await recordingMails(id);
    const url = `${sandbox.url}/_sandbox/recordings/${held.body.recordId}`;
    expect(sent.map((m) => m.to)).toEqual([
      "dana@acme-robotics.example",
      "ivy@acme-robotics.example",
    ]);
    for (const mail of sent) {
      expect(mail).toMatchObject({
        subject: "Recording available: Interview with Robin Park",
        recordingUrl: url,
        at: new Date(held.body.recordingReadyAt).toISOString(),
      });
      expect(mail.text).toContain(url);
    }
    // Sent once, however often the outbox is read.
    await advanceClock(sandbox, { days: 1 });
    expect(await recordingMails(id)).toHaveLength(2);
  });

  it("is not sent for a session that was not recorded or whose processing failed", async () => {
    const id = await scheduledEvent();
    for (const recording of ["none", "failed"]) {
      await control(sandbox, "POST", `/_sandbox/events/${encodeURIComponent(id)}/sessions`, {
        recording,
        processingMinutes: 0,
      });
    }
    await advanceClock(sandbox, { hours: 1 });
    expect(await recordingMails(id)).toEqual([]);
  });

  it("shows on the outbox page", async () => {
    const id = await scheduledEvent();
    await control(sandbox, "POST", `/_sandbox/events/${encodeURIComponent(id)}/sessions`, {
      recording: "available",
      processingMinutes: 0,
    });
    const page = await (await fetch(`${sandbox.url}/_sandbox/outbox`)).text();
    expect(page).toContain("Recording available: Interview with Robin Park");
  });
});
