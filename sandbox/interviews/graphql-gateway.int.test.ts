import { beforeAll, describe, expect, it } from "vitest";
import {
  ACME,
  advanceClock,
  CLIENT_ID,
  control,
  GLOBEX,
  INITECH,
  SAM,
  setupTestSandbox,
} from "../testing/harness";
import {
  at,
  CREATE_MUTATION,
  createInput,
  graphqlClient,
  mintToken,
  rawPost,
  stringAt,
} from "./test-harness";

// The gateway around the Interview API: request shape, limits, authentication, employer
// isolation, rate limiting, faults and the journal. Every bad input gets a GraphQL error.

const GET_EVENTS = `query GetEvent($ids: [ID!]!) { virtualInterviewEvents(input: { ids: $ids }) { events { id title status } } }`;
const FIND = `query FindEvents($first: Int, $after: String, $input: FindVirtualInterviewEventsInput!) {
  findVirtualInterviewEvents(first: $first, after: $after, input: $input) { events { id title } totalCount pageInfo { endCursor hasNextPage } } }`;
const UPDATE = `mutation Update($input: UpdateVirtualInterviewEventInput!) { updateVirtualInterviewEvent(input: $input) { event { id title status } } }`;
const CANCEL = `mutation Cancel($id: ID!) { cancelVirtualInterviewEvent(input: { id: $id }) { event { id status } } }`;

const sandbox = setupTestSandbox();
let acme: ReturnType<typeof graphqlClient>;
let acmeToken: string;

async function createEvent(call = acme, overrides: Record<string, unknown> = {}) {
  const answer = await call(CREATE_MUTATION, {
    variables: { input: await createInput(sandbox, overrides) },
  });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return stringAt(answer.data, "createVirtualInterviewEvent", "event", "id");
}

const codes = (answer: { errors?: { extensions: { code: string } }[] }) =>
  answer.errors?.map((e) => e.extensions.code);

beforeAll(async () => {
  acmeToken = await mintToken(sandbox, { employer: ACME });
  acme = graphqlClient(sandbox, acmeToken);
});

describe("the request", () => {
  const json = {
    "Content-Type": "application/json",
    Authorization: "",
    "indeed-client-id": CLIENT_ID,
  };
  beforeAll(() => {
    json.Authorization = `Bearer ${acmeToken}`;
  });

  it("refuses GET with 405 and Allow: POST", async () => {
    const response = await fetch(
      `${sandbox.url}/graphql?query=${encodeURIComponent("{ __typename }")}`,
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: "BAD_REQUEST" } }],
    });
  });

  it("answers malformed bodies with 400 BAD_REQUEST", async () => {
    const cases: [string, Record<string, string>][] = [
      ['{"query":"{ __typename }"}', { ...json, "Content-Type": "text/plain" }],
      ["query=%7B__typename%7D", { ...json, "Content-Type": "application/x-www-form-urlencoded" }],
      ["{not json", json],
      ["[]", json],
      ['[{"query":"{ __typename }"}]', json],
      ['"just a string"', json],
      ["{}", json],
      ['{"query":""}', json],
      ['{"query":42}', json],
      ['{"query":"{ __typename }","variables":[1]}', json],
      ['{"query":"{ __typename }","operationName":7}', json],
    ];
    for (const [body, headers] of cases) {
      const answer = await rawPost(sandbox, body, headers);
      expect([body, answer.status, codes(answer)]).toEqual([body, 400, ["BAD_REQUEST"]]);
    }
  });

  it("answers syntax errors with GRAPHQL_PARSE_FAILED and unknown fields with GRAPHQL_VALIDATION_FAILED", async () => {
    const parse = await acme("query { findVirtualInterviewEvents(");
    expect([parse.status, codes(parse)]).toEqual([400, ["GRAPHQL_PARSE_FAILED"]]);
    expect(parse.errors?.[0]?.locations).toBeDefined();
    const invalid = await acme(
      "{ virtualInterviewEvents(input: { ids: [] }) { events { cancelReason } } }",
    );
    expect([invalid.status, codes(invalid)]).toEqual([400, ["GRAPHQL_VALIDATION_FAILED"]]);
    const introspection = await acme("{ __schema { types { name } } }");
    expect(codes(introspection)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("answers values of the wrong type with BAD_USER_INPUT", async () => {
    const variable = await acme(FIND, { variables: { first: "ten", input: {} } });
    expect([variable.status, codes(variable)]).toEqual([400, ["BAD_USER_INPUT"]]);
    const localTime = await acme(FIND, {
      variables: { input: { startTime: { after: "2030-01-01T10:00:00" } } },
    });
    expect([localTime.status, codes(localTime)]).toEqual([400, ["BAD_USER_INPUT"]]);
    const literal = await acme(
      `{ findVirtualInterviewEvents(input: { startTime: { after: "soon" } }) { totalCount } }`,
    );
    expect([literal.status, codes(literal)]).toEqual([400, ["BAD_USER_INPUT"]]);
  });

  it("refuses bodies over 100 KB with 413", async () => {
    const answer = await acme(CREATE_MUTATION, {
      variables: { input: await createInput(sandbox, { title: "x".repeat(200_000) }) },
    });
    expect([answer.status, codes(answer)]).toEqual([413, ["BAD_USER_INPUT"]]);
  });

  it("refuses pathological documents: too many tokens, too deep, too many fields", async () => {
    const deep = await acme(`query { ${"a { ".repeat(3000)}b${" }".repeat(3000)} }`);
    expect([deep.status, codes(deep)]).toEqual([400, ["GRAPHQL_PARSE_FAILED"]]);
    const aliases = Array.from({ length: 600 }, (_, i) => `a${i}: __typename`).join(" ");
    const wide = await acme(`{ ${aliases} }`);
    expect([wide.status, codes(wide)]).toEqual([400, ["BAD_USER_INPUT"]]);
    const fragments = `query Deep { findVirtualInterviewEvents(input: {}) { ...A } }
      fragment A on VirtualInterviewEventsConnection { events { ...B } }
      fragment B on VirtualInterviewEvent { intervieweesConnection { interviewees { interviewRecordsConnection { records {
        interviewOutcomesConnection { outcomes { interviewer { id } decision { value } } } } } } } }`;
    expect(codes(await acme(fragments))).toBeUndefined();
  });

  it("caps ids per call, page size and string lengths", async () => {
    const tooMany = await acme(GET_EVENTS, {
      variables: { ids: Array.from({ length: 101 }, (_, i) => `id-${i}`) },
    });
    expect([tooMany.status, codes(tooMany), tooMany.data]).toEqual([
      200,
      ["BAD_USER_INPUT"],
      { virtualInterviewEvents: null },
    ]);
    const thousands = await acme(GET_EVENTS, {
      variables: { ids: Array.from({ length: 5000 }, (_, i) => String(i)) },
    });
    expect(codes(thousands)).toEqual(["BAD_USER_INPUT"]);
    for (const first of [101, -1, 0]) {
      const page = await acme(FIND, { variables: { first, input: {} } });
      expect(codes(page)).toEqual(["BAD_USER_INPUT"]);
    }
    const longTitle = await acme(CREATE_MUTATION, {
      variables: { input: await createInput(sandbox, { title: "t".repeat(300) }) },
    });
    expect(codes(longTitle)).toEqual(["BAD_USER_INPUT"]);
    const longCursor = await acme(FIND, { variables: { after: "Q".repeat(5000), input: {} } });
    expect(longCursor.errors?.[0]?.message.length).toBeLessThan(300);
  });

  it("keeps serving after all of that", async () => {
    const answer = await acme(FIND, { variables: { input: {} } });
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
  });
});

describe("validation rules over GraphQL", () => {
  const emails = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ email: `panel${i}@example.com` }));

  it("rejects each broken create with BAD_USER_INPUT and a field-null answer", async () => {
    const broken: Record<string, unknown>[] = [
      { interviewers: emails(49) },
      { timezone: "Mars/Olympus" },
      { languageCode: "xx" },
      { countryCode: "XX" },
      { interviewee: { name: "Robin", email: "robin-at-example" } },
      { requestMetadata: { atsName: "" } },
      { title: "   " },
    ];
    for (const overrides of broken) {
      const answer = await acme(CREATE_MUTATION, {
        variables: { input: await createInput(sandbox, overrides) },
      });
      expect([overrides, answer.status, codes(answer), answer.data]).toEqual([
        overrides,
        200,
        ["BAD_USER_INPUT"],
        { createVirtualInterviewEvent: null },
      ]);
      expect(answer.errors?.[0]?.path).toEqual(["createVirtualInterviewEvent"]);
    }
    const input = await createInput(sandbox);
    const long = {
      ...input,
      endTime: new Date(Date.parse(input.startTime) + 25 * 3_600_000).toISOString(),
    };
    expect(codes(await acme(CREATE_MUTATION, { variables: { input: long } }))).toEqual([
      "BAD_USER_INPUT",
    ]);
    const backwards = { ...input, endTime: input.startTime };
    expect(codes(await acme(CREATE_MUTATION, { variables: { input: backwards } }))).toEqual([
      "BAD_USER_INPUT",
    ]);
  });

  it("requires the ATS name by schema: leaving it out fails validation", async () => {
    const answer = await acme(CREATE_MUTATION, {
      variables: {
        input: await createInput(sandbox, { requestMetadata: { employerName: "Acme" } }),
      },
    });
    expect([answer.status, codes(answer)]).toEqual([400, ["BAD_USER_INPUT"]]);
  });

  it("accepts 48 listed interviewers plus the caller, and refuses one more added later", async () => {
    const id = await createEvent(acme, { interviewers: emails(48) });
    const more = await acme(UPDATE, {
      variables: {
        input: { addInterviewers: { id, interviewers: [{ email: "one.more@example.com" }] } },
      },
    });
    expect(codes(more)).toEqual(["BAD_USER_INPUT"]);
  });

  it("requires exactly one change per update", async () => {
    const id = await createEvent();
    const none = await acme(UPDATE, { variables: { input: {} } });
    const two = await acme(UPDATE, {
      variables: { input: { setTitle: { id, title: "A" }, setTimezone: { id, timezone: "UTC" } } },
    });
    expect([codes(none), codes(two)]).toEqual([["BAD_USER_INPUT"], ["BAD_USER_INPUT"]]);
  });

  it("refuses to change or re-cancel a canceled event", async () => {
    const id = await createEvent();
    expect(
      at(
        (await acme(CANCEL, { variables: { id } })).data,
        "cancelVirtualInterviewEvent",
        "event",
        "status",
      ),
    ).toBe("CANCELED");
    expect(codes(await acme(CANCEL, { variables: { id } }))).toEqual(["BAD_USER_INPUT"]);
    const retitle = await acme(UPDATE, {
      variables: { input: { setTitle: { id, title: "Too late" } } },
    });
    expect(codes(retitle)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("authentication and authorization", () => {
  const probe = `query Probe { findVirtualInterviewEvents(input: {}) { totalCount } }`;

  it("answers a missing, malformed or expired token with UNAUTHENTICATED and a null field", async () => {
    const shortLived = await mintToken(sandbox, { employer: ACME });
    for (const call of [graphqlClient(sandbox, null), graphqlClient(sandbox, "not-a-jwt")]) {
      const answer = await call(probe);
      expect([answer.status, codes(answer), answer.data]).toEqual([
        200,
        ["UNAUTHENTICATED"],
        { findVirtualInterviewEvents: null },
      ]);
      expect(answer.errors?.[0]?.path).toEqual(["findVirtualInterviewEvents"]);
    }
    await advanceClock(sandbox, { hours: 2 });
    expect(codes(await graphqlClient(sandbox, shortLived)(probe))).toEqual(["UNAUTHENTICATED"]);
    acmeToken = await mintToken(sandbox, { employer: ACME });
    acme = graphqlClient(sandbox, acmeToken);
  });

  it("answers FORBIDDEN without the interview scope, without an employer, or for an app token", async () => {
    const noScope = await mintToken(sandbox, { employer: ACME, scope: "email employer_access" });
    const noEmployer = await mintToken(sandbox, { employer: null });
    const app = await mintToken(sandbox, {
      grant_type: "client_credentials",
      employer: ACME,
      scope: "employer_access interviews.schedule",
    });
    for (const token of [noScope, noEmployer, app]) {
      expect(codes(await graphqlClient(sandbox, token)(probe))).toEqual(["FORBIDDEN"]);
    }
  });

  it("accepts the older `interviews` scope", async () => {
    const legacy = await mintToken(sandbox, {
      employer: ACME,
      scope: "employer_access interviews",
    });
    expect(codes(await graphqlClient(sandbox, legacy)(probe))).toBeUndefined();
  });

  it("requires an indeed-client-id header that matches the token's client", async () => {
    const missing = await acme(probe, { headers: { "indeed-client-id": "" } });
    const other = await acme(probe, { headers: { "indeed-client-id": "other-ats" } });
    expect([codes(missing), codes(other)]).toEqual([["FORBIDDEN"], ["FORBIDDEN"]]);
  });

  it("isolates employers: another employer's event is FORBIDDEN like an unknown one", async () => {
    const id = await createEvent();
    const initech = graphqlClient(
      sandbox,
      await mintToken(sandbox, { user: SAM, employer: INITECH }),
    );
    // Dana's token for her other employer is an outsider only in `employer` access mode: in the
    // default `interviewer` mode she is the event's creator (event-access.int.test.ts).
    const globex = graphqlClient(sandbox, await mintToken(sandbox, { employer: GLOBEX }));
    expect((await control(sandbox, "POST", "/_sandbox/access", { mode: "employer" })).status).toBe(
      200,
    );
    for (const outsider of [initech, globex]) {
      const read = await outsider(GET_EVENTS, {
        variables: { ids: [id, "00000000-0000-4000-8000-000000000000"] },
      });
      expect(read.data).toEqual({ virtualInterviewEvents: { events: [null, null] } });
      expect(read.errors?.map((e) => [e.path, e.extensions.code])).toEqual([
        [["virtualInterviewEvents", "events", 0], "FORBIDDEN"],
        [["virtualInterviewEvents", "events", 1], "FORBIDDEN"],
      ]);
      expect(
        codes(
          await outsider(UPDATE, { variables: { input: { setTitle: { id, title: "Mine now" } } } }),
        ),
      ).toEqual(["FORBIDDEN"]);
      expect(codes(await outsider(CANCEL, { variables: { id } }))).toEqual(["FORBIDDEN"]);
      const found = await outsider(FIND, { variables: { input: {} } });
      expect(
        (at(found.data, "findVirtualInterviewEvents", "events") as unknown[]).some(
          (e) => at(e, "id") === id,
        ),
      ).toBe(false);
    }
    await control(sandbox, "POST", "/_sandbox/access", { mode: "interviewer" });
  });

  it("returns partial results: good ids succeed beside bad ones", async () => {
    const id = await createEvent();
    const answer = await acme(GET_EVENTS, { variables: { ids: ["garbage", id] } });
    expect(at(answer.data, "virtualInterviewEvents", "events", 0)).toBeNull();
    expect(at(answer.data, "virtualInterviewEvents", "events", 1, "id")).toBe(id);
    expect(answer.errors?.map((e) => e.path)).toEqual([["virtualInterviewEvents", "events", 0]]);
  });
});

describe("rate limiting, faults and the journal", () => {
  const probe = `query Probe { findVirtualInterviewEvents(input: {}) { totalCount } }`;

  it("answers 429 with Retry-After once the budget is spent, and recovers after the window", async () => {
    await control(sandbox, "POST", "/_sandbox/ratelimit/graphql", {
      budget: 3,
      queryCost: 1,
      resetUsage: true,
    });
    for (let i = 0; i < 3; i++) expect((await acme(probe)).status).toBe(200);
    const limited = await acme(probe);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    await advanceClock(sandbox, { seconds: 61 });
    expect((await acme(probe)).status).toBe(200);
    await control(sandbox, "POST", "/_sandbox/ratelimit/graphql", {
      budget: 1000,
      resetUsage: true,
    });
  });

  it("fails the next N calls of an operation with the chosen code", async () => {
    await control(sandbox, "POST", "/_sandbox/faults/graphql", {
      operationName: "Probe",
      code: "INTERNAL_SERVER_ERROR",
      count: 2,
    });
    const first = await acme(probe);
    expect([first.status, codes(first), first.data]).toEqual([
      200,
      ["INTERNAL_SERVER_ERROR"],
      { findVirtualInterviewEvents: null },
    ]);
    expect(codes(await acme(probe))).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect(codes(await acme(probe))).toBeUndefined();
  });

  it("applies a mutation, then fails the answer, when asked", async () => {
    await control(sandbox, "POST", "/_sandbox/faults/graphql", {
      operationName: "CreateEvent",
      code: "INTERNAL_SERVER_ERROR",
      mode: "apply-then-fail",
    });
    const before = at(
      (await acme(probe)).data,
      "findVirtualInterviewEvents",
      "totalCount",
    ) as number;
    const answer = await acme(CREATE_MUTATION, {
      variables: { input: await createInput(sandbox, { title: "Stored anyway" }) },
    });
    expect([codes(answer), answer.data]).toEqual([
      ["INTERNAL_SERVER_ERROR"],
      { createVirtualInterviewEvent: null },
    ]);
    expect(at((await acme(probe)).data, "findVirtualInterviewEvents", "totalCount")).toBe(
      before + 1,
    );
  });

  it("adds latency, fails by rate, injects 429, and can be deleted", async () => {
    await control(sandbox, "POST", "/_sandbox/faults/graphql", {
      operationName: "Probe",
      latencyMs: 300,
    });
    const started = performance.now();
    expect(codes(await acme(probe))).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);

    // A fault named after the operation wins over `*`, so clear the latency one first.
    await control(sandbox, "POST", "/_sandbox/faults/graphql/clear", { operationName: "Probe" });
    await control(sandbox, "POST", "/_sandbox/faults/graphql", {
      operationName: "*",
      code: "DOWNSTREAM_SERVICE_ERROR",
      rate: 1,
    });
    expect(codes(await acme(probe))).toEqual(["DOWNSTREAM_SERVICE_ERROR"]);
    expect(codes(await acme(GET_EVENTS, { variables: { ids: [] } }))).toEqual([
      "DOWNSTREAM_SERVICE_ERROR",
    ]);
    await control(sandbox, "POST", "/_sandbox/faults/graphql", {
      operationName: "Probe",
      code: "RATE_LIMITED",
    });
    const limited = await acme(probe);
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "30"]);
    const cleared = await control<{ faults: unknown[] }>(
      sandbox,
      "POST",
      "/_sandbox/faults/graphql/clear",
      {},
    );
    expect(cleared.body.faults).toEqual([]);
    expect(codes(await acme(probe))).toBeUndefined();
    const bad = await control(sandbox, "POST", "/_sandbox/faults/graphql", {
      operationName: "Probe",
    });
    expect(bad.status).toBe(400);
  });

  it("journals each call with client, operation, variables and outcome", async () => {
    await control(sandbox, "POST", "/_sandbox/faults/graphql/clear", {});
    await acme(GET_EVENTS, { variables: { ids: ["nope"] } });
    await acme(probe);
    const journal = await control<{ entries: Record<string, unknown>[] }>(
      sandbox,
      "GET",
      "/_sandbox/journal?kind=graphql&operation=GetEvent",
    );
    expect(journal.body.entries.at(-1)).toMatchObject({
      kind: "graphql",
      clientId: CLIENT_ID,
      operationName: "GetEvent",
      variables: { ids: ["nope"] },
      outcome: "FORBIDDEN",
      status: 200,
    });
    const ok = await control<{ entries: Record<string, unknown>[] }>(
      sandbox,
      "GET",
      "/_sandbox/journal?kind=graphql&operation=Probe",
    );
    expect(ok.body.entries.at(-1)).toMatchObject({ outcome: "ok" });
  });
});
