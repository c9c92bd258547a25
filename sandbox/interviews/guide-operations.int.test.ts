import { beforeAll, describe, expect, it } from "vitest";
import {
  addIntervieweeOperation,
  addInterviewersOperation,
  cancelEventOperation,
  createEventOperation,
  findEventsOperation,
  getEventsOperation,
  GUIDE_BASE64_IDS,
  GUIDE_CURSOR,
  GUIDE_UUIDS,
  invalidCursorOperation,
  rescheduleEventOperation,
  setTimezoneOperation,
  setTitleOperation,
} from "../../test/guide-operations";
import { ACME, advanceClock, control, GLOBEX, setupTestSandbox } from "../testing/harness";
import { at, graphqlClient, inFuture, mintToken, stringAt } from "./test-harness";

// Every operation Indeed's guide prints, run against the sandbox. The two events the guide's
// ids name are created with those ids through the control API, so the literal ids work.

const HOUR = 3_600_000;
const sandbox = setupTestSandbox();
let call: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  call = graphqlClient(sandbox, await mintToken(sandbox, { employer: ACME }));
  for (const [uuid, interviewee] of [
    [GUIDE_UUIDS[0], undefined],
    [GUIDE_UUIDS[1], { name: "Robin Park", email: "robin.park@example.net" }],
  ] as const) {
    const created = await control(sandbox, "POST", "/_sandbox/events", {
      employerId: ACME,
      organizer: "u-dana",
      uuid,
      title: "Interview with Robin Park",
      startTime: await inFuture(sandbox, 48 * HOUR),
      endTime: await inFuture(sandbox, 49 * HOUR),
      timezone: "America/New_York",
      interviewers: ["ivy@acme-robotics.example"],
      interviewee,
    });
    expect(created.status).toBe(201);
  }
});

describe("the guide's operations against the sandbox", () => {
  it("CreateEvent schedules the event, adds the caller and returns both lobby links", async () => {
    const answer = await call(
      createEventOperation({
        startTime: await inFuture(sandbox, 24 * HOUR),
        endTime: await inFuture(sandbox, 25 * HOUR),
        interviewerEmails: ["ivy@acme-robotics.example", "lee@example.org"],
        intervieweeEmail: "robin.park@example.net",
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    const event = at(answer.data, "createVirtualInterviewEvent", "event");
    expect(event).toMatchObject({
      countryCode: "CA",
      languageCode: "fr",
      interviewerLobbyUrl: expect.stringMatching(/\/lobby\/interviewer\/[\w-]+$/),
      intervieweesConnection: {
        interviewees: [
          {
            name: "Robin Park",
            email: "robin.park@example.net",
            intervieweeLobbyUrl: expect.stringMatching(/\/lobby\/interviewee\//),
          },
        ],
      },
      interviewersConnection: {
        pageInfo: { endCursor: expect.any(String) },
        interviewers: [
          { email: "dana@acme-robotics.example" },
          { email: "ivy@acme-robotics.example" },
          { email: "lee@example.org" },
        ],
      },
    });
    expect(Buffer.from(stringAt(event, "id"), "base64").toString()).toMatch(
      /^iri:\/\/apis\.indeed\.com\/VirtualInterviewEvent\/[0-9a-f-]{36}$/,
    );

    const sent = await control<{
      notifications: { to: string; kind: string; ics: string | null }[];
    }>(
      sandbox,
      "GET",
      `/_sandbox/notifications?eventId=${encodeURIComponent(stringAt(event, "id"))}`,
    );
    expect(sent.body.notifications.map((n) => n.to).sort()).toEqual([
      "dana@acme-robotics.example",
      "ivy@acme-robotics.example",
      "lee@example.org",
    ]);
    expect(
      sent.body.notifications.every(
        (n) => n.kind === "interviewer.invitation" && n.ics?.includes("BEGIN:VCALENDAR"),
      ),
    ).toBe(true);
  });

  it("RescheduleEvent moves the event named by its base64 id", async () => {
    const start = await inFuture(sandbox, 72 * HOUR);
    const end = await inFuture(sandbox, 73 * HOUR);
    const answer = await call(rescheduleEventOperation(GUIDE_BASE64_IDS[1], start, end));
    expect(answer.errors).toBeUndefined();
    expect(at(answer.data, "updateVirtualInterviewEvent", "event")).toMatchObject({
      id: GUIDE_BASE64_IDS[1],
      status: "SCHEDULED",
      startTime: start,
      endTime: end,
      timezone: "America/New_York",
    });
  });

  it("AddInterviewersToEvent adds three interviewers to the event named by its bare uuid", async () => {
    const answer = await call(
      addInterviewersOperation(GUIDE_UUIDS[0], [
        "ana@example.com",
        "ben@example.com",
        "cai@example.com",
      ]),
    );
    expect(answer.errors).toBeUndefined();
    const interviewers = at(
      answer.data,
      "updateVirtualInterviewEvent",
      "event",
      "interviewersConnection",
      "interviewers",
    );
    expect(interviewers).toEqual([
      { name: "Dana Recruiter", email: "dana@acme-robotics.example" },
      { name: "Ivy Interviewer", email: "ivy@acme-robotics.example" },
      { name: null, email: "ana@example.com" },
      { name: null, email: "ben@example.com" },
      { name: null, email: "cai@example.com" },
    ]);
    expect(at(answer.data, "updateVirtualInterviewEvent", "event", "id")).toBe(GUIDE_BASE64_IDS[0]);
  });

  it("AddIntervieweeToEvent adds the interviewee once, and only once", async () => {
    const answer = await call(addIntervieweeOperation(GUIDE_UUIDS[0], "robin.park@example.net"));
    expect(answer.errors).toBeUndefined();
    expect(
      at(
        answer.data,
        "updateVirtualInterviewEvent",
        "event",
        "intervieweesConnection",
        "interviewees",
        0,
      ),
    ).toMatchObject({
      name: "Robin Park",
      email: "robin.park@example.net",
    });
    const again = await call(addIntervieweeOperation(GUIDE_UUIDS[0], "someone.else@example.net"));
    expect(again.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(again.data).toEqual({ updateVirtualInterviewEvent: null });
  });

  it("SetTitleOfEvent and SetTimezoneOfEvent change one thing each", async () => {
    const titled = await call(
      setTitleOperation(GUIDE_UUIDS[0], "Second interview with Robin Park"),
    );
    expect(at(titled.data, "updateVirtualInterviewEvent", "event", "title")).toBe(
      "Second interview with Robin Park",
    );
    const zoned = await call(setTimezoneOperation(GUIDE_UUIDS[0], "America/Los_Angeles"));
    expect(at(zoned.data, "updateVirtualInterviewEvent", "event")).toMatchObject({
      title: "Second interview with Robin Park",
      timezone: "America/Los_Angeles",
    });
  });

  it("GetEvent returns both events in order, with records, recordings and decisions", async () => {
    const session = await control<{ recordId: string }>(
      sandbox,
      "POST",
      `/_sandbox/events/${GUIDE_UUIDS[1]}/sessions`,
      {
        recording: "available",
        processingMinutes: 30,
      },
    );
    expect(session.status).toBe(201);
    await control(sandbox, "POST", `/_sandbox/events/${GUIDE_UUIDS[1]}/decisions`, {
      interviewerEmail: "ivy@acme-robotics.example",
      value: "YES",
      noteText: "Clear thinker",
    });

    const processing = await call(getEventsOperation(GUIDE_BASE64_IDS));
    expect(processing.errors).toBeUndefined();
    const recordPath = [
      "virtualInterviewEvents",
      "events",
      1,
      "intervieweesConnection",
      "interviewees",
      0,
      "interviewRecordsConnection",
      "records",
      0,
    ];
    expect(at(processing.data, ...recordPath, "recordingUrl")).toBeNull();

    await advanceClock(sandbox, { minutes: 31 });
    const ready = await call(getEventsOperation(GUIDE_BASE64_IDS));
    const events = at(ready.data, "virtualInterviewEvents", "events") as unknown[];
    expect(events.map((e) => at(e, "id"))).toEqual([...GUIDE_BASE64_IDS]);
    expect(at(ready.data, ...recordPath)).toEqual({
      id: Buffer.from(
        `iri://apis.indeed.com/VirtualInterviewRecord/${session.body.recordId}`,
      ).toString("base64"),
      recordingUrl: `${sandbox.url}/_sandbox/recordings/${session.body.recordId}`,
      interviewOutcomesConnection: {
        outcomes: [
          {
            interviewer: {
              id: expect.any(String),
              email: "ivy@acme-robotics.example",
              name: "Ivy Interviewer",
            },
            decision: { value: "YES", noteText: "Clear thinker" },
          },
        ],
      },
    });
  });

  it("GetEvent accepts bare uuids and answers with the opaque ids", async () => {
    const answer = await call(getEventsOperation(GUIDE_UUIDS));
    const events = at(answer.data, "virtualInterviewEvents", "events") as unknown[];
    expect(events.map((e) => at(e, "id"))).toEqual([...GUIDE_BASE64_IDS]);
  });

  it("CancelEvent keeps the event with status CANCELED", async () => {
    const answer = await call(cancelEventOperation(GUIDE_UUIDS[0]));
    expect(at(answer.data, "cancelVirtualInterviewEvent", "event")).toMatchObject({
      id: GUIDE_BASE64_IDS[0],
      status: "CANCELED",
    });
    const read = await call(getEventsOperation([GUIDE_UUIDS[0]]));
    expect(at(read.data, "virtualInterviewEvents", "events", 0, "id")).toBe(GUIDE_BASE64_IDS[0]);
  });

  it("FindEvents pages after the guide's sample cursor (offset 4)", async () => {
    const globex = graphqlClient(sandbox, await mintToken(sandbox, { employer: GLOBEX }));
    for (let i = 0; i < 7; i++) {
      await control(sandbox, "POST", "/_sandbox/events", {
        employerId: GLOBEX,
        organizer: "u-dana",
        title: `Globex interview ${i + 1}`,
        startTime: await inFuture(sandbox, (10 + i) * HOUR),
        endTime: await inFuture(sandbox, (11 + i) * HOUR),
      });
    }
    const answer = await globex(findEventsOperation(GUIDE_CURSOR, "2022-06-29T22:00:00+00:00"));
    expect(answer.errors).toBeUndefined();
    const found = at(answer.data, "findVirtualInterviewEvents");
    expect((at(found, "events") as unknown[]).map((e) => at(e, "title"))).toEqual([
      "Globex interview 6",
      "Globex interview 7",
    ]);
    expect(found).toMatchObject({
      totalCount: 7,
      pageInfo: {
        hasPreviousPage: true,
        hasNextPage: false,
        startCursor: expect.any(String),
        endCursor: expect.any(String),
      },
    });
    expect(at(found, "events", 0, "interviewersConnection", "interviewers")).toEqual([
      { email: "dana@acme-robotics.example" },
    ]);
  });

  it("the guide's invalid cursor gets the guide's error shape", async () => {
    const answer = await call(invalidCursorOperation);
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ findVirtualInterviewEvents: null });
    expect(answer.errors).toEqual([
      {
        message: "Encountered issue parsing cursor '1˙∆'.",
        locations: [{ line: 2, column: 3 }],
        path: ["findVirtualInterviewEvents"],
        extensions: { code: "BAD_USER_INPUT", logLevel: "INFO" },
      },
    ]);
  });
});
