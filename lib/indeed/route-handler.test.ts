import { describe, expect, it, vi } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import { operations } from "@/lib/operations";
import { AppError } from "@/lib/http/app-error";
import { handleGraphqlRequest, MAX_BODY_BYTES, type GraphqlRouteDeps } from "./route-handler";

const APP = "http://localhost:3000";
const URL_ = `${APP}/api/indeed/graphql`;
const valid = { operationName: "GetInterviews", variables: { ids: ["abc"] } };

function deps(overrides: Partial<GraphqlRouteDeps> = {}) {
  const execute = vi.fn(async () => ({ virtualInterviewEvents: { events: [] } }));
  return {
    execute,
    deps: {
      appUrl: APP,
      getSession: async () => fakeEmployerSession(),
      client: { execute: execute as unknown as GraphqlRouteDeps["client"]["execute"] },
      operations,
      log: () => undefined,
      ...overrides,
    } satisfies GraphqlRouteDeps,
  };
}

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request(URL_, {
    method: "POST",
    headers: { origin: APP, "content-type": "application/json", ...headers },
    body,
  });
}

async function errorOf(response: Response) {
  return (
    (await response.json()) as { error: { code: string; message: string; requestId: string } }
  ).error;
}

describe("POST /api/indeed/graphql", () => {
  it("runs a registered operation and answers 200 { data }", async () => {
    const { deps: d, execute } = deps();
    const response = await handleGraphqlRequest(post(JSON.stringify(valid)), d);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { virtualInterviewEvents: { events: [] } } });
    expect(execute).toHaveBeenCalledWith(
      expect.objectContaining({ connectionId: expect.any(String) }),
      "GetInterviews",
      { ids: ["abc"] },
      undefined,
      {
        requestId: expect.any(String),
      },
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 401 NOT_SIGNED_IN without a session", async () => {
    const { deps: d } = deps({ getSession: async () => null });
    const response = await handleGraphqlRequest(post(JSON.stringify(valid)), d);
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe("NOT_SIGNED_IN");
  });

  it("answers 403 FORBIDDEN, without calling Indeed, when the session's employer is no longer the user's", async () => {
    const lost = async () => fakeEmployerSession({ employerAccess: false });
    const { deps: d, execute } = deps({ getSession: lost });
    const response = await handleGraphqlRequest(post(JSON.stringify(valid)), d);
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({
      code: "FORBIDDEN",
      message: "You no longer have access to Acme Robotics",
    });
    expect(execute).not.toHaveBeenCalled();
  });

  it("refuses GET", async () => {
    const { deps: d } = deps();
    const response = await handleGraphqlRequest(
      new Request(`${URL_}?query={__schema{types{name}}}`, { headers: { origin: APP } }),
      d,
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await errorOf(response)).code).toBe("METHOD_NOT_ALLOWED");
  });

  it.each([
    ["another origin", { origin: "https://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
  ])(
    "refuses a cross-site post (%s) with 403 before looking at the session",
    async (_name, headers) => {
      const getSession = vi.fn(async () => fakeEmployerSession());
      const { deps: d, execute } = deps({ getSession });
      const response = await handleGraphqlRequest(post(JSON.stringify(valid), headers), d);
      expect(response.status).toBe(403);
      expect(getSession).not.toHaveBeenCalled();
      expect(execute).not.toHaveBeenCalled();
    },
  );

  it.each([
    ["text/plain", "text/plain"],
    ["a form body", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=x"],
    ["no content type", ""],
  ])("refuses %s with 415", async (_name, type) => {
    const { deps: d } = deps();
    const response = await handleGraphqlRequest(
      post(JSON.stringify(valid), { "content-type": type }),
      d,
    );
    expect(response.status).toBe(415);
    expect((await errorOf(response)).code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("accepts application/json with a charset", async () => {
    const { deps: d } = deps();
    const response = await handleGraphqlRequest(
      post(JSON.stringify(valid), { "content-type": "application/json; charset=utf-8" }),
      d,
    );
    expect(response.status).toBe(200);
  });

  it("refuses a body over the limit with 413", async () => {
    const { deps: d, execute } = deps();
    const big = JSON.stringify({ ...valid, variables: { ids: ["x".repeat(MAX_BODY_BYTES)] } });
    const response = await handleGraphqlRequest(post(big), d);
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("PAYLOAD_TOO_LARGE");
    expect(execute).not.toHaveBeenCalled();
  });

  it.each([
    ["a batched array", JSON.stringify([valid, valid])],
    ["a raw query", JSON.stringify({ query: "{ __schema { types { name } } }" })],
    [
      "a raw query next to a known name",
      JSON.stringify({ ...valid, query: "query GetInterviews { __typename }" }),
    ],
    [
      "persisted-query extensions",
      JSON.stringify({ ...valid, extensions: { persistedQuery: { sha256Hash: "x" } } }),
    ],
    ["invalid JSON", "{"],
    ["a string", JSON.stringify("GetInterviews")],
  ])("refuses %s with 400 and a generic message", async (_name, body) => {
    const { deps: d, execute } = deps();
    const response = await handleGraphqlRequest(post(body), d);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.message).not.toMatch(/schema|query/i);
    expect(execute).not.toHaveBeenCalled();
  });

  it("refuses an unknown operation name with 400 UNKNOWN_OPERATION", async () => {
    const { deps: d, execute } = deps();
    for (const operationName of ["IntrospectionQuery", "__proto__", "DeleteEverything"]) {
      const response = await handleGraphqlRequest(
        post(JSON.stringify({ operationName, variables: {} })),
        d,
      );
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({
        code: "UNKNOWN_OPERATION",
        message: "Unknown operation",
      });
    }
    expect(execute).not.toHaveBeenCalled();
  });

  it("passes the client's mapped errors through in the stable shape", async () => {
    const execute = vi.fn(async () => {
      throw new AppError("BAD_USER_INPUT", undefined, {
        fieldErrors: { "input.endTime": "An interview lasts at most 24 hours" },
      });
    });
    const { deps: d } = deps({ client: { execute: execute as never } });
    const response = await handleGraphqlRequest(post(JSON.stringify(valid)), d);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        code: "BAD_USER_INPUT",
        message: expect.any(String),
        fieldErrors: { "input.endTime": "An interview lasts at most 24 hours" },
        requestId: response.headers.get("x-request-id"),
      },
    });
  });

  it("hides unexpected errors behind a generic 500", async () => {
    const execute = vi.fn(async () => {
      throw new Error("connection string postgres://secret@db");
    });
    const { deps: d } = deps({ client: { execute: execute as never } });
    const response = await handleGraphqlRequest(post(JSON.stringify(valid)), d);
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({
      error: {
        code: "INTERNAL_ERROR",
        message: "Something went wrong; try again",
        requestId: response.headers.get("x-request-id"),
      },
    });
    expect(JSON.stringify(body)).not.toMatch(/secret|postgres|stack/);
  });
});
