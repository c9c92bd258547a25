import { beforeAll, describe, expect, it } from "vitest";
import { csrfOf, TestBrowser } from "../oauth/test-harness";
import { ACME, control, GLOBEX, INITECH, SAM, setupTestSandbox } from "../testing/harness";
import {
  at,
  CREATE_MUTATION,
  createInput,
  graphqlClient,
  mintToken,
  stringAt,
  type GraphqlAnswer,
} from "./test-harness";

// Who may act on an event (ADR 0033): by default only its interviewers, the creator included,
// from any employer; `employer` mode (control API) lets anyone of the employer act. The
// recording page shows a recording only to the interviewers who took part.

const sandbox = setupTestSandbox();
const codes = (answer: GraphqlAnswer) => answer.errors?.map((e) => e.extensions.code);

const GET = `query GetEvent($ids: [ID!]!) { virtualInterviewEvents(input: { ids: $ids }) { events { id title } } }`;
const SET_TITLE = `mutation SetTitle($input: UpdateVirtualInterviewEventInput!) {
  updateVirtualInterviewEvent(input: $input) { event { id title } } }`;
const CANCEL = `mutation Cancel($id: ID!) { cancelVirtualInterviewEvent(input: { id: $id }) { event { id status } } }`;
const FIND = `query Find { findVirtualInterviewEvents(first: 100, input: {}) { events { id } totalCount } }`;

let dana: ReturnType<typeof graphqlClient>;
let ivy: ReturnType<typeof graphqlClient>;
let sam: ReturnType<typeof graphqlClient>;

/** Dana schedules an event for Acme with the given interviewers besides herself. */
async function scheduleWith(interviewers: string[]): Promise<string> {
  const answer = await dana(CREATE_MUTATION, {
    variables: {
      input: await createInput(sandbox, { interviewers: interviewers.map((email) => ({ email })) }),
    },
  });
  expect(answer.errors).toBeUndefined();
  return stringAt(answer.data, "createVirtualInterviewEvent", "event", "id");
}

beforeAll(async () => {
  dana = graphqlClient(sandbox, await mintToken(sandbox, { employer: ACME }));
  ivy = graphqlClient(sandbox, await mintToken(sandbox, { user: "u-ivy", employer: ACME }));
  sam = graphqlClient(sandbox, await mintToken(sandbox, { user: SAM, employer: INITECH }));
});

describe("the default interviewer access", () => {
  it("is what the control API reports", async () => {
    expect((await control(sandbox, "GET", "/_sandbox/access")).body).toEqual({
      mode: "interviewer",
    });
  });

  it("refuses a colleague who is not an interviewer: read, update, cancel and listing", async () => {
    const id = await scheduleWith(["lee@example.org"]);
    const read = await ivy(GET, { variables: { ids: [id] } });
    expect(read.data).toEqual({ virtualInterviewEvents: { events: [null] } });
    expect(read.errors).toEqual([
      expect.objectContaining({
        message: `Only the interviewers of the virtual interview event '${id}' can view, update or cancel it.`,
        path: ["virtualInterviewEvents", "events", 0],
        extensions: { code: "FORBIDDEN", logLevel: "INFO" },
      }),
    ]);
    const retitle = await ivy(SET_TITLE, {
      variables: { input: { setTitle: { id, title: "Mine now" } } },
    });
    expect([retitle.status, codes(retitle), retitle.data]).toEqual([
      200,
      ["FORBIDDEN"],
      { updateVirtualInterviewEvent: null },
    ]);
    expect(codes(await ivy(CANCEL, { variables: { id } }))).toEqual(["FORBIDDEN"]);
    const listed = (at((await ivy(FIND)).data, "findVirtualInterviewEvents", "events") ??
      []) as unknown[];
    expect(listed.some((e) => at(e, "id") === id)).toBe(false);
    // The creator still sees it, unchanged.
    expect(
      at((await dana(GET, { variables: { ids: [id] } })).data, "virtualInterviewEvents"),
    ).toEqual({ events: [{ id, title: "Interview with Robin Park" }] });
  });

  it("lets an invited interviewer read, change and list the event", async () => {
    const id = await scheduleWith(["ivy@acme-robotics.example"]);
    const retitle = await ivy(SET_TITLE, {
      variables: { input: { setTitle: { id, title: "Retitled by Ivy" } } },
    });
    expect(retitle.errors).toBeUndefined();
    const listed = at((await ivy(FIND)).data, "findVirtualInterviewEvents", "events") as unknown[];
    expect(listed.some((e) => at(e, "id") === id)).toBe(true);
  });

  it("lets an interviewer of another employer act on the event by its id", async () => {
    const id = await scheduleWith(["sam@initech-foods.example"]);
    const read = await sam(GET, { variables: { ids: [id] } });
    expect(read.errors).toBeUndefined();
    expect(at(read.data, "virtualInterviewEvents", "events", 0, "id")).toBe(id);
    // The creator's token for her other employer works too: access follows the person.
    const globex = graphqlClient(sandbox, await mintToken(sandbox, { employer: GLOBEX }));
    expect((await globex(GET, { variables: { ids: [id] } })).errors).toBeUndefined();
    // Another employer's outsider gets the same words as for an event that does not exist.
    const other = await graphqlClient(
      sandbox,
      await mintToken(sandbox, { user: SAM, employer: INITECH }),
    )(GET, { variables: { ids: [await scheduleWith([])] } });
    expect(other.errors?.[0]?.message).toMatch(
      /^You do not have access to the virtual interview event/,
    );
  });
});

describe("employer access, through the control API", () => {
  it("lets anyone of the employer act, and nobody else, until switched back", async () => {
    const id = await scheduleWith(["lee@example.org"]);
    const sharedId = await scheduleWith(["sam@initech-foods.example"]);
    expect(await control(sandbox, "POST", "/_sandbox/access", { mode: "employer" })).toEqual({
      status: 200,
      body: { mode: "employer" },
    });
    try {
      expect((await ivy(GET, { variables: { ids: [id] } })).errors).toBeUndefined();
      expect(codes(await sam(GET, { variables: { ids: [sharedId] } }))).toEqual(["FORBIDDEN"]);
    } finally {
      await control(sandbox, "POST", "/_sandbox/access", { mode: "interviewer" });
    }
    expect(codes(await ivy(GET, { variables: { ids: [id] } }))).toEqual(["FORBIDDEN"]);
    expect((await control(sandbox, "POST", "/_sandbox/access", { mode: "anyone" })).status).toBe(
      400,
    );
  });
});

describe("the recording page", () => {
  async function signedIn(user: string): Promise<TestBrowser> {
    const browser = new TestBrowser(sandbox);
    const page = await browser.get("/account/sign-in?return_to=/");
    const answer = await browser.post("/account/sign-in", {
      csrf: csrfOf(await page.text()),
      user,
      return_to: "/",
    });
    expect(answer.status).toBe(303);
    return browser;
  }

  it("refuses an interviewer who did not join the session, and shows it to one who did", async () => {
    const id = await scheduleWith(["ivy@acme-robotics.example"]);
    const held = await control<{ recordId: string; interviewers: string[] }>(
      sandbox,
      "POST",
      `/_sandbox/events/${encodeURIComponent(id)}/sessions`,
      {
        recording: "available",
        processingMinutes: 0,
        interviewers: ["dana@acme-robotics.example"],
      },
    );
    expect(held.status).toBe(201);
    expect(held.body.interviewers).toEqual(["dana@acme-robotics.example"]);
    const path = `/_sandbox/recordings/${held.body.recordId}`;

    const ivyPage = await (await signedIn("u-ivy")).get(path);
    expect(ivyPage.status).toBe(403);
    expect(await ivyPage.text()).toContain(
      "Only interviewers who took part can view this recording",
    );

    const danaPage = await (await signedIn("u-dana")).get(path);
    expect(danaPage.status).toBe(200);
    expect(await danaPage.text()).toContain("Recording: Interview with Robin Park");
  });

  it("refuses a session joined by someone who is not an interviewer", async () => {
    const id = await scheduleWith([]);
    const refused = await control(
      sandbox,
      "POST",
      `/_sandbox/events/${encodeURIComponent(id)}/sessions`,
      {
        recording: "none",
        interviewers: ["stranger@example.org"],
      },
    );
    expect(refused.status).toBe(409);
  });
});
