import { beforeAll, describe, expect, it } from "vitest";
import { ACME, setupTestSandbox } from "../testing/harness";
import {
  at,
  CREATE_MUTATION,
  createInput,
  graphqlClient,
  mintToken,
  rawPost,
  stringAt,
  type GraphqlAnswer,
} from "./test-harness";

// Values the guide implies and the sandbox once let through: impossible dates, times without
// seconds or offset, codes in another case or outside ISO's current lists, legacy zone
// aliases; and two small answers: `{ __typename }` and an addInterviewers that adds nobody.

const sandbox = setupTestSandbox();
const codes = (answer: GraphqlAnswer) => answer.errors?.map((e) => e.extensions.code);
let call: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  call = graphqlClient(sandbox, await mintToken(sandbox, { employer: ACME }));
});

async function create(overrides: Record<string, unknown>) {
  return call(CREATE_MUTATION, { variables: { input: await createInput(sandbox, overrides) } });
}

describe("strict values", () => {
  it("refuses 30 February instead of storing 2 March", async () => {
    const year = new Date().getUTCFullYear() + 2;
    const answer = await create({
      startTime: `${year}-02-30T10:00:00Z`,
      endTime: `${year}-03-02T11:00:00Z`,
    });
    expect([answer.status, codes(answer)]).toEqual([400, ["BAD_USER_INPUT"]]);
    expect(answer.errors?.[0]?.message).toContain("is not a real date and time");
  });

  it("refuses date-times without seconds or without an offset", async () => {
    const year = new Date().getUTCFullYear() + 2;
    for (const startTime of [`${year}-03-01T10:00Z`, `${year}-03-01T10:00:00`]) {
      const answer = await create({ startTime, endTime: `${year}-03-01T11:00:00Z` });
      expect([answer.status, codes(answer)], startTime).toEqual([400, ["BAD_USER_INPUT"]]);
    }
  });

  it("takes language and country codes only as the guide writes them", async () => {
    const ok = await create({ languageCode: "fr", countryCode: "CA" });
    expect(ok.errors).toBeUndefined();
    for (const codesSent of [
      { languageCode: "FR" },
      { countryCode: "ca" },
      { languageCode: "iw" },
      { countryCode: "XK" },
      { countryCode: "SU" },
    ]) {
      const answer = await create(codesSent);
      expect(codes(answer), JSON.stringify(codesSent)).toEqual(["BAD_USER_INPUT"]);
      expect(answer.data).toEqual({ createVirtualInterviewEvent: null });
    }
  });

  it("refuses legacy zone aliases and keeps IANA Area/Location names and UTC", async () => {
    for (const timezone of ["EST", "US/Pacific", "Etc/GMT+5"]) {
      expect(codes(await create({ timezone })), timezone).toEqual(["BAD_USER_INPUT"]);
    }
    for (const timezone of ["America/Los_Angeles", "Asia/Kolkata", "UTC"]) {
      expect((await create({ timezone })).errors, timezone).toBeUndefined();
    }
  });

  it("follows the schema's own words for first: 1 to 100", async () => {
    const find = (first: number) =>
      call(`query { findVirtualInterviewEvents(first: ${first}, input: {}) { totalCount } }`);
    expect(codes(await find(0))).toEqual(["BAD_USER_INPUT"]);
    expect((await find(1)).errors).toBeUndefined();
    expect((await find(100)).errors).toBeUndefined();
  });
});

describe("small answers", () => {
  it("answers { __typename } with the root type and no errors key, with or without a token", async () => {
    const noToken: Record<string, string> = { "Content-Type": "application/json" };
    for (const headers of [
      noToken,
      { "Content-Type": "application/json", Authorization: "Bearer nonsense" },
    ]) {
      const response = await fetch(`${sandbox.url}/graphql`, {
        method: "POST",
        headers,
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('{"data":{"__typename":"Query"}}');
    }
    const mutation = await call("mutation { __typename }");
    expect([mutation.data, mutation.errors]).toEqual([{ __typename: "Mutation" }, undefined]);
  });

  it("never sends an empty errors array, even when root fields come from a fragment", async () => {
    const answer = await rawPost(
      sandbox,
      JSON.stringify({
        query:
          "query { ...Root } fragment Root on Query { findVirtualInterviewEvents(input: {}) { totalCount } }",
      }),
      { "Content-Type": "application/json" },
    );
    expect(codes(answer)).toEqual(["UNAUTHENTICATED"]);
    const typed = await rawPost(
      sandbox,
      JSON.stringify({
        query: "{ __typename findVirtualInterviewEvents(input: {}) { totalCount } }",
      }),
      { "Content-Type": "application/json" },
    );
    expect(typed.data).toEqual({ __typename: "Query", findVirtualInterviewEvents: null });
    expect(codes(typed)).toEqual(["UNAUTHENTICATED"]);
  });

  it("says so when addInterviewers adds nobody new", async () => {
    const created = await create({});
    const id = stringAt(created.data, "createVirtualInterviewEvent", "event", "id");
    const answer = await call(
      `mutation Add($input: UpdateVirtualInterviewEventInput!) { updateVirtualInterviewEvent(input: $input) { event { id } } }`,
      {
        variables: {
          input: {
            addInterviewers: { id, interviewers: [{ email: "IVY@acme-robotics.example" }] },
          },
        },
      },
    );
    expect(answer.data).toEqual({ updateVirtualInterviewEvent: null });
    expect(answer.errors?.[0]).toMatchObject({
      message: "Every interviewer in addInterviewers is already on the event: nothing was added.",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(at(created.data, "createVirtualInterviewEvent", "event", "id")).toBe(id);
  });
});
