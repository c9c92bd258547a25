import { describe, expect, it } from "vitest";
import {
  ACME,
  advanceClock,
  control,
  setupTestSandbox,
  startTestSandbox,
  tempDataDir,
} from "../testing/harness";
import {
  at,
  CREATE_MUTATION,
  createInput,
  graphqlClient,
  mintToken,
  stringAt,
} from "./test-harness";

// What happens around an event on the virtual clock, through the control API and the pages.

const RECORDS = `query GetEvent($ids: [ID!]!) { virtualInterviewEvents(input: { ids: $ids }) { events {
  intervieweesConnection { interviewees { interviewRecordsConnection { records { id recordingUrl } } } } } } }`;

const sandbox = setupTestSandbox();

/** Calls as Dana for Acme with a fresh token: these tests move the clock past token expiry. */
async function acme(query: string, options: Parameters<ReturnType<typeof graphqlClient>>[1] = {}) {
  return graphqlClient(sandbox, await mintToken(sandbox, { employer: ACME }))(query, options);
}

interface Notification {
  kind: string;
  to: string;
  at: string;
  lobbyUrl: string;
}

async function createEvent(hoursAhead = 24, overrides: Record<string, unknown> = {}) {
  const answer = await acme(CREATE_MUTATION, {
    variables: { input: await createInput(sandbox, overrides, hoursAhead) },
  });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return at(answer.data, "createVirtualInterviewEvent", "event") as Record<string, unknown>;
}

async function notifications(eventId: string) {
  const answer = await control<{ notifications: Notification[] }>(
    sandbox,
    "GET",
    `/_sandbox/notifications?eventId=${encodeURIComponent(eventId)}`,
  );
  return answer.body.notifications;
}

async function records(eventId: string) {
  const answer = await acme(RECORDS, { variables: { ids: [eventId] } });
  return at(
    answer.data,
    "virtualInterviewEvents",
    "events",
    0,
    "intervieweesConnection",
    "interviewees",
    0,
    "interviewRecordsConnection",
    "records",
  ) as {
    id: string;
    recordingUrl: string | null;
  }[];
}

describe("the interviewee's reminder", () => {
  it("appears five minutes before the start once the clock gets there", async () => {
    const event = await createEvent(1);
    const id = stringAt(event, "id");
    const reminders = async () =>
      (await notifications(id)).filter((n) => n.kind === "interviewee.reminder");
    expect(await reminders()).toEqual([]);
    await advanceClock(sandbox, { minutes: 50 });
    expect(await reminders()).toEqual([]);
    await advanceClock(sandbox, { minutes: 6 });
    const [reminder] = await reminders();
    expect(reminder).toMatchObject({
      to: "robin.park@example.net",
      lobbyUrl: stringAt(event, "intervieweesConnection", "interviewees", 0, "intervieweeLobbyUrl"),
    });
    const start = Date.parse(stringAt(event, "startTime"));
    expect(Date.parse(reminder!.at)).toBe(start - 5 * 60_000);
  });

  it("is followed by a reschedule notice and a calendar update for each interviewer", async () => {
    const event = await createEvent(30);
    const id = stringAt(event, "id");
    const input = await createInput(sandbox, {}, 40);
    await acme(
      `mutation R($input: UpdateVirtualInterviewEventInput!) { updateVirtualInterviewEvent(input: $input) { event { id } } }`,
      {
        variables: {
          input: { reschedule: { id, startTime: input.startTime, endTime: input.endTime } },
        },
      },
    );
    const sent = await notifications(id);
    expect(sent.filter((n) => n.kind === "interviewer.rescheduled").map((n) => n.to)).toEqual([
      "dana@acme-robotics.example",
      "ivy@acme-robotics.example",
    ]);
  });
});

describe("sessions and recordings", () => {
  it("keeps recordingUrl null while processing and sets it after the delay", async () => {
    const id = stringAt(await createEvent(2), "id");
    const held = await control<{ recordingState: string; recordId: string }>(
      sandbox,
      "POST",
      `/_sandbox/events/${encodeURIComponent(id)}/sessions`,
      {
        recording: "available",
        processingMinutes: 20,
      },
    );
    expect(held).toMatchObject({ status: 201, body: { recordingState: "processing" } });
    expect(await records(id)).toEqual([{ id: expect.any(String), recordingUrl: null }]);
    await advanceClock(sandbox, { minutes: 21 });
    expect((await records(id))[0]?.recordingUrl).toBe(
      `${sandbox.url}/_sandbox/recordings/${held.body.recordId}`,
    );
  });

  it("holds several sessions per event, failed and unrecorded ones without a URL", async () => {
    const id = stringAt(await createEvent(3), "id");
    for (const recording of ["failed", "none", "available"]) {
      await control(sandbox, "POST", `/_sandbox/events/${encodeURIComponent(id)}/sessions`, {
        recording,
        processingMinutes: 0,
      });
    }
    await advanceClock(sandbox, { days: 2 });
    const urls = (await records(id)).map((r) => r.recordingUrl);
    expect(urls.slice(0, 2)).toEqual([null, null]);
    expect(urls[2]).toMatch(/\/_sandbox\/recordings\//);
  });

  it("marks the recording expired 90 days after the interview", async () => {
    const id = stringAt(await createEvent(4), "id");
    await control(sandbox, "POST", `/_sandbox/events/${encodeURIComponent(id)}/sessions`, {
      recording: "available",
      processingMinutes: 0,
    });
    const state = async () =>
      stringAt(
        (await control(sandbox, "GET", `/_sandbox/events/${encodeURIComponent(id)}`)).body,
        "sessions",
        0,
        "recordingState",
      );
    await advanceClock(sandbox, { days: 89 });
    expect(await state()).toBe("available");
    await advanceClock(sandbox, { days: 1, minutes: 1 });
    expect(await state()).toBe("expired");
  });

  it("refuses sessions for events without an interviewee, and bad decisions", async () => {
    const id = stringAt(await createEvent(5, { interviewee: null }), "id");
    const refused = await control(
      sandbox,
      "POST",
      `/_sandbox/events/${encodeURIComponent(id)}/sessions`,
      { recording: "none" },
    );
    expect(refused.status).toBe(409);
    const undecided = await control(
      sandbox,
      "POST",
      `/_sandbox/events/${encodeURIComponent(id)}/decisions`,
      {
        interviewerEmail: "ivy@acme-robotics.example",
        value: "PERHAPS",
      },
    );
    expect(undecided.status).toBe(400);
    const detail = await control<{ termsNotices: string[] }>(
      sandbox,
      "GET",
      `/_sandbox/events/${encodeURIComponent(id)}`,
    );
    expect(detail.body.termsNotices[0]).toMatch(/interviewee's email/);
  });
});

describe("pages", () => {
  it("serves the interviewee lobby without sign-in and asks interviewers to sign in", async () => {
    const event = await createEvent(6);
    const interviewee = await fetch(
      stringAt(event, "intervieweesConnection", "interviewees", 0, "intervieweeLobbyUrl"),
    );
    expect(interviewee.status).toBe(200);
    expect(await interviewee.text()).toContain("Welcome, Robin Park");
    const interviewer = await fetch(stringAt(event, "interviewerLobbyUrl"), { redirect: "manual" });
    expect(interviewer.status).toBe(401);
    expect(await interviewer.text()).toContain(
      "/account/sign-in?return_to=%2Flobby%2Finterviewer%2F",
    );
    expect((await fetch(`${sandbox.url}/lobby/interviewee/unknown-token`)).status).toBe(404);
  });

  it("serves the event page, the list, the outbox and a home-page link", async () => {
    const event = await createEvent(7);
    const uuid = Buffer.from(stringAt(event, "id"), "base64").toString().split("/").at(-1)!;
    for (const path of [
      `/_sandbox/events/${uuid}`,
      `/_sandbox/events`,
      `/_sandbox/events?employerId=${ACME}`,
      "/_sandbox/outbox",
      "/",
    ]) {
      const page = await fetch(`${sandbox.url}${path}`);
      expect([path, page.status, page.headers.get("content-type")]).toEqual([
        path,
        200,
        "text/html; charset=utf-8",
      ]);
      const html = await page.text();
      expect(html).toContain('<html lang="en">');
      if (path === "/") expect(html).toContain('href="/_sandbox/events"');
    }
  });

  it("conducts a session from the event page's form (with its token) and redirects back", async () => {
    const event = await createEvent(8);
    const uuid = Buffer.from(stringAt(event, "id"), "base64").toString().split("/").at(-1)!;
    const action = `/_sandbox/events/${uuid}/sessions`;
    const page = await (await fetch(`${sandbox.url}/_sandbox/events/${uuid}`)).text();
    const form = new RegExp(
      `action="${action}"[^>]*>\\s*<input type="hidden" name="csrf" value="([^"]+)"`,
    );
    const csrf = form.exec(page)?.[1];
    expect(csrf).toBeTruthy();
    const postForm = (body: string) =>
      fetch(`${sandbox.url}${action}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body,
        redirect: "manual",
      });

    // Without the page's token, with a forged one or another form's, the form changes nothing.
    const otherForm = sandbox.context.controlFormToken(`/_sandbox/events/${uuid}/decisions`);
    expect((await postForm("recording=none")).status).toBe(415);
    expect((await postForm(`recording=none&csrf=${csrf}x`)).status).toBe(403);
    expect((await postForm(`recording=none&csrf=${otherForm}`)).status).toBe(403);
    expect(await records(stringAt(event, "id"))).toHaveLength(0);

    const posted = await postForm(`recording=none&processingMinutes=&csrf=${csrf}`);
    expect([posted.status, posted.headers.get("location")]).toEqual([
      302,
      `/_sandbox/events/${uuid}`,
    ]);
    expect(await records(stringAt(event, "id"))).toHaveLength(1);
  });
});

describe("state", () => {
  it("bulk-creates synthetic events quickly", async () => {
    const made = await control<{ created: number; total: number }>(
      sandbox,
      "POST",
      "/_sandbox/events/bulk",
      { employerId: "emp-initech-foods", count: 5000 },
    );
    expect(made).toMatchObject({ status: 201, body: { created: 5000, total: 5000 } });
  });

  it("survives a restart through the state file", async () => {
    const dataDir = tempDataDir("interviews-state");
    const first = await startTestSandbox({ dataDir, ephemeral: false });
    const call = graphqlClient(first, await mintToken(first, { employer: ACME }));
    const created = await call(CREATE_MUTATION, { variables: { input: await createInput(first) } });
    const id = stringAt(created.data, "createVirtualInterviewEvent", "event", "id");
    await first.close();

    const second = await startTestSandbox({ dataDir, ephemeral: false });
    try {
      const again = graphqlClient(second, await mintToken(second, { employer: ACME }));
      const read = await again(
        `query G($ids: [ID!]!) { virtualInterviewEvents(input: { ids: $ids }) { events { id title } } }`,
        {
          variables: { ids: [id] },
        },
      );
      expect(at(read.data, "virtualInterviewEvents", "events", 0, "id")).toBe(id);
    } finally {
      await second.close();
    }
  });

  it("forgets every event on reset", async () => {
    await control(sandbox, "POST", "/_sandbox/reset");
    const after = await acme(`{ findVirtualInterviewEvents(input: {}) { totalCount } }`);
    expect(at(after.data, "findVirtualInterviewEvents", "totalCount")).toBe(0);
  });
});
