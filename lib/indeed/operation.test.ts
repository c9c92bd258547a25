import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { z } from "zod";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import type { Database } from "@/lib/db/client";
import { createIndeedClient } from "./client";
import { graphql } from "./graphql";
import { createIndeedHooks } from "./hooks";
import {
  defineOperation,
  findOperation,
  type MutationNameOf,
  type OperationNameOf,
  type QueryNameOf,
  type ResultDataOf,
} from "./operation";
import { handleGraphqlRequest } from "./route-handler";

// A made-up read, defined here and nowhere else: if the list drives everything, the lookup,
// the kinds, the variables check, the client, the route and the hooks all know it at once.
const countInterviews = defineOperation({
  name: "CountInterviews",
  kind: "query",
  document: graphql(`
    query CountInterviews($input: FindVirtualInterviewEventsInput!) {
      findVirtualInterviewEvents(input: $input) {
        totalCount
      }
    }
  `),
  variables: z.object({
    input: z.object({ sort: z.object({ field: z.enum(["START_TIME", "END_TIME"]) }).optional() }),
  }),
});
const operations = [countInterviews] as const;

const APP = "http://localhost:3000";
const session = fakeEmployerSession();
const counted = { findVirtualInterviewEvents: { totalCount: 7 } };

function client() {
  const fetchMock = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
    Response.json({ data: counted }),
  );
  const indeed = createIndeedClient({
    operations,
    tokens: { getAccessToken: async () => "token-1" },
    db: {} as Database,
    graphqlUrl: "http://indeed.test/graphql",
    clientId: "lobby-local",
    atsName: "Lobby",
    fetch: fetchMock as unknown as typeof fetch,
    log: () => undefined,
  });
  return { indeed, fetchMock };
}

function post(body: unknown) {
  return new Request(`${APP}/api/indeed/graphql`, {
    method: "POST",
    headers: { origin: APP, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("an operation added to the list", () => {
  it("is found by name, with its kind, and only in a list that holds it", () => {
    expect(findOperation(operations, "CountInterviews")).toBe(countInterviews);
    expect(findOperation(operations, "CountInterviews")?.kind).toBe("query");
    expect(findOperation([], "CountInterviews")).toBeUndefined();
    expectTypeOf<OperationNameOf<typeof operations>>().toEqualTypeOf<"CountInterviews">();
    expectTypeOf<QueryNameOf<typeof operations>>().toEqualTypeOf<"CountInterviews">();
    expectTypeOf<MutationNameOf<typeof operations>>().toEqualTypeOf<never>();
    expectTypeOf<ResultDataOf<typeof operations, "CountInterviews">>().toEqualTypeOf<{
      findVirtualInterviewEvents: { totalCount: number | null } | null;
    }>();
  });

  it("is sent by the client as validated, with its own document", async () => {
    const { indeed, fetchMock } = client();
    const variables = { input: { sort: { field: "START_TIME" as const } } };
    expect(await indeed.execute(session, "CountInterviews", variables)).toEqual(counted);
    const body = JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body));
    expect(body).toMatchObject({ operationName: "CountInterviews", variables });
    expect(body.query).toContain("query CountInterviews");
    await expect(
      indeed.execute(session, "CountInterviews", { input: { sort: { field: "NAME" } } }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("is accepted by the route, charged as a read, and refused by a route without it", async () => {
    const { indeed } = client();
    const consume = vi.fn(async () => ({ allowed: true as const, remaining: 9 }));
    const deps = {
      appUrl: APP,
      getSession: async () => session,
      client: indeed,
      operations,
      limiter: { consume },
      log: () => undefined,
    };
    const request = { operationName: "CountInterviews", variables: { input: {} } };
    const response = await handleGraphqlRequest(post(request), deps);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: counted });
    expect(consume).toHaveBeenCalledWith(session.userId, 1);

    const without = await handleGraphqlRequest(post(request), { ...deps, operations: [] });
    expect(without.status).toBe(400);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe(
      "UNKNOWN_OPERATION",
    );
  });

  it("is typed in the client-side hooks made from the list", async () => {
    const { callIndeedOperation } = createIndeedHooks<typeof operations>();
    const fetchMock = vi.fn(async () => Response.json({ data: counted }));
    vi.stubGlobal("fetch", fetchMock);
    try {
      const data = await callIndeedOperation("CountInterviews", { input: {} });
      expectTypeOf(data.findVirtualInterviewEvents).toEqualTypeOf<{
        totalCount: number | null;
      } | null>();
      expect(data).toEqual(counted);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
