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
import { ACME, control, setupTestSandbox } from "../testing/harness";
import { GUIDE_MODE_HINT } from "./guide-schema";
import {
  at,
  CREATE_MUTATION,
  createInput,
  graphqlClient,
  inFuture,
  mintToken,
  type GraphqlAnswer,
} from "./test-harness";

// SANDBOX_SCHEMA=guide: every input the guide does not show is refused with BAD_USER_INPUT,
// the guide's own operations still pass, and the control API switches modes at run time.

const HOUR = 3_600_000;
const codes = (answer: GraphqlAnswer) => answer.errors?.map((e) => e.extensions.code);
/** Each refused part has its own error; all of them carry the one code. */
const codeSet = (answer: GraphqlAnswer) => [...new Set(codes(answer))];

const FIND_SORTED = `query FindSorted($input: FindVirtualInterviewEventsInput!) {
  findVirtualInterviewEvents(input: $input) { events { id } } }`;

describe("SANDBOX_SCHEMA=guide (started with the option)", () => {
  const sandbox = setupTestSandbox({ interviews: { schema: "guide" } });
  let call: ReturnType<typeof graphqlClient>;

  beforeAll(async () => {
    call = graphqlClient(sandbox, await mintToken(sandbox, { employer: ACME }));
    for (const uuid of GUIDE_UUIDS) {
      const created = await control(sandbox, "POST", "/_sandbox/events", {
        employerId: ACME,
        organizer: "u-dana",
        uuid,
        title: "Interview with Robin Park",
        startTime: await inFuture(sandbox, 48 * HOUR),
        endTime: await inFuture(sandbox, 49 * HOUR),
        interviewers: ["ivy@acme-robotics.example"],
        ...(uuid === GUIDE_UUIDS[1]
          ? { interviewee: { name: "Robin Park", email: "robin.park@example.net" } }
          : {}),
      });
      expect(created.status).toBe(201);
    }
  });

  it("reports the mode on the control API", async () => {
    expect((await control(sandbox, "GET", "/_sandbox/schema")).body).toEqual({ mode: "guide" });
  });

  it("refuses requestMetadata.jobId and jobTitle, as literals and as variables", async () => {
    for (const field of ["jobId", "jobTitle"]) {
      const input = await createInput(sandbox, {
        requestMetadata: { atsName: "Lobby", employerName: "Acme Robotics", [field]: "x" },
      });
      const viaVariables = await call(CREATE_MUTATION, { variables: { input } });
      expect([viaVariables.status, codes(viaVariables)]).toEqual([400, ["BAD_USER_INPUT"]]);
      expect(viaVariables.errors?.[0]?.message).toContain(`Field "${field}" is not defined`);
      expect(viaVariables.errors?.[0]?.message).toContain(GUIDE_MODE_HINT);
      expect(viaVariables.data).toBeUndefined();
    }
    const literal = await call(
      createEventOperation({
        startTime: await inFuture(sandbox, 24 * HOUR),
        endTime: await inFuture(sandbox, 25 * HOUR),
        interviewerEmails: ["ivy@acme-robotics.example", "lee@example.org"],
        intervieweeEmail: "robin.park@example.net",
      }).replace('employerName: "Acme Robotics"', 'employerName: "Acme Robotics", jobId: "J-1"'),
    );
    expect([literal.status, codes(literal)]).toEqual([400, ["BAD_USER_INPUT"]]);
    expect(literal.errors?.[0]?.message).toContain(GUIDE_MODE_HINT);
  });

  it("refuses the reconstructed sort shape and its enum values", async () => {
    const asVariable = await call(FIND_SORTED, {
      variables: { input: { sort: { field: "START_TIME", direction: "DESC" } } },
    });
    expect([asVariable.status, codes(asVariable)]).toEqual([400, ["BAD_USER_INPUT"]]);
    const asLiteral = await call(
      `{ findVirtualInterviewEvents(input: { sort: { field: STATUS } }) { events { id } } }`,
    );
    expect([asLiteral.status, codes(asLiteral)]).toEqual([400, ["BAD_USER_INPUT"]]);
    const asType = await call(
      `query Q($sort: VirtualInterviewEventsSortInput) { findVirtualInterviewEvents(input: { sort: $sort }) { events { id } } }`,
    );
    expect([asType.status, codeSet(asType)]).toEqual([400, ["BAD_USER_INPUT"]]);
  });

  it("still answers a field unknown to both schemas with GRAPHQL_VALIDATION_FAILED", async () => {
    const unknown = await call(
      `{ findVirtualInterviewEvents(input: { colour: "red" }) { events { id } } }`,
    );
    expect([unknown.status, codes(unknown)]).toEqual([400, ["GRAPHQL_VALIDATION_FAILED"]]);
  });

  it("runs every operation the guide prints", async () => {
    const start = await inFuture(sandbox, 24 * HOUR);
    const end = await inFuture(sandbox, 25 * HOUR);
    const answers = [
      await call(
        createEventOperation({
          startTime: start,
          endTime: end,
          interviewerEmails: ["ivy@acme-robotics.example", "lee@example.org"],
          intervieweeEmail: "robin.park@example.net",
        }),
      ),
      await call(
        rescheduleEventOperation(
          GUIDE_BASE64_IDS[1],
          await inFuture(sandbox, 72 * HOUR),
          await inFuture(sandbox, 73 * HOUR),
        ),
      ),
      await call(addInterviewersOperation(GUIDE_UUIDS[0])),
      await call(addIntervieweeOperation(GUIDE_UUIDS[0])),
      await call(setTitleOperation(GUIDE_UUIDS[0])),
      await call(setTimezoneOperation(GUIDE_UUIDS[0])),
      await call(getEventsOperation(GUIDE_BASE64_IDS)),
      await call(findEventsOperation(GUIDE_CURSOR, "2022-06-29T22:00:00+00:00")),
      await call(cancelEventOperation(GUIDE_UUIDS[0])),
    ];
    for (const answer of answers) {
      expect([answer.status, answer.errors]).toEqual([200, undefined]);
    }
    expect(at(answers[0]!.data, "createVirtualInterviewEvent", "event", "countryCode")).toBe("CA");
    const invalid = await call(invalidCursorOperation);
    expect([invalid.status, codes(invalid), invalid.data]).toEqual([
      200,
      ["BAD_USER_INPUT"],
      { findVirtualInterviewEvents: null },
    ]);
  });

  it("switches to extended and back through POST /_sandbox/schema, and a reset restores the start mode", async () => {
    const withJob = {
      variables: {
        input: await createInput(sandbox, {
          requestMetadata: { atsName: "Lobby", jobId: "J-7", jobTitle: "Welder" },
        }),
      },
    };
    const switched = await control(sandbox, "POST", "/_sandbox/schema", { mode: "extended" });
    expect(switched).toEqual({ status: 200, body: { mode: "extended" } });
    expect((await call(CREATE_MUTATION, withJob)).errors).toBeUndefined();
    await control(sandbox, "POST", "/_sandbox/reset", {});
    expect((await control(sandbox, "GET", "/_sandbox/schema")).body).toEqual({ mode: "guide" });
    const fresh = graphqlClient(sandbox, await mintToken(sandbox, { employer: ACME }));
    expect(codeSet(await fresh(CREATE_MUTATION, withJob))).toEqual(["BAD_USER_INPUT"]);
  });

  it("refuses an unknown mode, and a form post", async () => {
    expect((await control(sandbox, "POST", "/_sandbox/schema", { mode: "strict" })).status).toBe(
      400,
    );
    const form = await fetch(`${sandbox.url}/_sandbox/schema`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "mode=extended",
    });
    expect(form.status).toBe(415);
    expect((await control(sandbox, "GET", "/_sandbox/schema")).body).toEqual({ mode: "guide" });
  });
});

describe("the default extended schema", () => {
  const sandbox = setupTestSandbox();

  it("accepts jobId, jobTitle and sort, and the mode says extended", async () => {
    expect((await control(sandbox, "GET", "/_sandbox/schema")).body).toEqual({
      mode: "extended",
    });
    const call = graphqlClient(sandbox, await mintToken(sandbox, { employer: ACME }));
    const created = await call(CREATE_MUTATION, {
      variables: {
        input: await createInput(sandbox, {
          requestMetadata: { atsName: "Lobby", jobId: "J-7", jobTitle: "Welder" },
        }),
      },
    });
    expect(created.errors).toBeUndefined();
    const sorted = await call(FIND_SORTED, {
      variables: { input: { sort: { field: "START_TIME", direction: "DESC" } } },
    });
    expect(sorted.errors).toBeUndefined();
  });
});
