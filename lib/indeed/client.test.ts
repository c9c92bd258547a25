import { describe, expect, it, vi } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import { TokenServiceError } from "@/lib/auth/tokens";
import type { Database } from "@/lib/db/client";
import { createIndeedClient } from "./client";
import { AppError } from "@/lib/http/app-error";
import { operations } from "@/lib/operations";
import type { AnyOperation } from "./operation";

const session = fakeEmployerSession();
const find = { input: {} };
const create = {
  input: {
    startTime: "2030-01-15T14:30:00+00:00",
    endTime: "2030-01-15T15:30:00+00:00",
    title: "Interview",
    timezone: "UTC",
    interviewers: [],
  },
};
const found = {
  findVirtualInterviewEvents: {
    totalCount: 0,
    pageInfo: { hasNextPage: false, hasPreviousPage: false },
    events: [],
  },
};

function setup(
  responses: (Response | Error)[],
  tokens = ["token-1", "token-2"],
  onSuccess?: AnyOperation["onSuccess"],
  hooks: Pick<AnyOperation, "beforeSend" | "onOutcomeUnknown"> & {
    onRead?: (session: unknown, name: string, data: unknown, sentAt: Date) => Promise<void>;
  } = {},
) {
  const calls: {
    headers: Headers;
    body: { query: string; operationName: string; variables: unknown };
  }[] = [];
  const fetchMock = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push({ headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) });
    const next = responses.shift();
    if (!next) throw new Error("no more responses");
    if (next instanceof Error) throw next;
    return next;
  });
  const getAccessToken = vi.fn(async (_id: string, options: { rejected?: string } = {}) =>
    options.rejected ? tokens[1]! : tokens[0]!,
  );
  const sleeps: number[] = [];
  const client = createIndeedClient({
    tokens: { getAccessToken },
    db: {
      transaction: async (fn: (tx: unknown) => Promise<unknown>) => fn({ fake: "tx" }),
    } as unknown as Database,
    // The app's operations, with the hook under test in place of the ledger's.
    operations: operations.map((op) => ({
      ...op,
      onSuccess,
      beforeSend: hooks.beforeSend,
      onOutcomeUnknown: hooks.onOutcomeUnknown,
      contextSchema: undefined,
    })),
    onRead: hooks.onRead,
    defer: (task) => void task(),
    graphqlUrl: "http://indeed.test/graphql",
    clientId: "lobby-local",
    atsName: "Lobby",
    fetch: fetchMock as unknown as typeof fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    log: () => undefined,
  });
  return { client, calls, getAccessToken, sleeps, fetchMock };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
const gqlError = (code: string, field = "findVirtualInterviewEvents") =>
  json({ data: { [field]: null }, errors: [{ message: "boom at line 3", extensions: { code } }] });

describe("the Indeed client", () => {
  it("sends the document with Bearer token, client id and operation name", async () => {
    const { client, calls } = setup([json({ data: found })]);
    expect(await client.execute(session, "FindInterviews", find)).toEqual(found);
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer token-1");
    expect(calls[0]!.headers.get("indeed-client-id")).toBe("lobby-local");
    expect(calls[0]!.body.operationName).toBe("FindInterviews");
    expect(calls[0]!.body.query).toContain("findVirtualInterviewEvents");
  });

  it("adds requestMetadata on create so callers cannot forget it", async () => {
    const { client, calls } = setup([
      json({ data: { createVirtualInterviewEvent: { event: { id: "e1" } } } }),
    ]);
    await client.execute(session, "CreateInterview", create);
    expect(calls[0]!.body.variables).toMatchObject({
      input: { requestMetadata: { atsName: "Lobby", employerName: "Acme Robotics" } },
    });
  });

  it("retries a read on 503, 429 (honouring Retry-After) and INTERNAL_SERVER_ERROR", async () => {
    const { client, calls, sleeps } = setup([
      new Response("down", { status: 503 }),
      gqlError("INTERNAL_SERVER_ERROR"),
      json({ data: found }),
    ]);
    expect(await client.execute(session, "FindInterviews", find)).toEqual(found);
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([125, 250]);

    const limited = setup([
      new Response("slow down", { status: 429, headers: { "retry-after": "1" } }),
      json({ data: found }),
    ]);
    await limited.client.execute(session, "FindInterviews", find);
    expect(limited.sleeps).toEqual([1000]);
  });

  it("retries a read after a network error and gives up after the attempt limit", async () => {
    const { client, calls } = setup([
      new TypeError("fetch failed"),
      new TypeError("fetch failed"),
      new TypeError("fetch failed"),
    ]);
    await expect(client.execute(session, "FindInterviews", find)).rejects.toMatchObject({
      code: "INDEED_UNAVAILABLE",
      status: 503,
    });
    expect(calls).toHaveLength(3);
  });

  it("never retries a mutation", async () => {
    const { client, calls } = setup([new Response("down", { status: 503 })]);
    await expect(client.execute(session, "CreateInterview", create)).rejects.toMatchObject({
      code: "INDEED_UNAVAILABLE",
    });
    expect(calls).toHaveLength(1);

    const timedOut = setup([Object.assign(new Error("timeout"), { name: "TimeoutError" })]);
    await expect(timedOut.client.execute(session, "CreateInterview", create)).rejects.toMatchObject(
      {
        code: "INDEED_UNAVAILABLE",
        status: 504,
      },
    );
    expect(timedOut.calls).toHaveLength(1);
  });

  it("hands a mutation whose outcome is unknown to onOutcomeUnknown, with what was sent", async () => {
    const onOutcomeUnknown = vi.fn(async () => new AppError("OUTCOME_UNKNOWN"));
    for (const failure of [
      gqlError("INTERNAL_SERVER_ERROR", "createVirtualInterviewEvent"),
      new Response("down", { status: 502 }),
      Object.assign(new Error("timeout"), { name: "TimeoutError" }),
      new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }),
    ]) {
      const { client, calls } = setup([failure], undefined, undefined, { onOutcomeUnknown });
      await expect(client.execute(session, "CreateInterview", create)).rejects.toMatchObject({
        code: "OUTCOME_UNKNOWN",
        status: 409,
      });
      expect(calls).toHaveLength(1);
    }
    expect(onOutcomeUnknown).toHaveBeenCalledTimes(4);
    expect(onOutcomeUnknown).toHaveBeenLastCalledWith(
      { tx: { fake: "tx" }, session, services: undefined },
      expect.objectContaining({ input: expect.objectContaining({ title: "Interview" }) }),
      expect.objectContaining({
        input: expect.objectContaining({ requestMetadata: expect.any(Object) }),
      }),
      undefined,
    );
  });

  it("keeps onOutcomeUnknown out of failures that changed nothing", async () => {
    const onOutcomeUnknown = vi.fn(async () => new AppError("OUTCOME_UNKNOWN"));
    for (const [failure, code] of [
      [new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }), "INDEED_UNAVAILABLE"],
      [
        Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
        "INDEED_UNAVAILABLE",
      ],
      [gqlError("BAD_USER_INPUT", "createVirtualInterviewEvent"), "BAD_USER_INPUT"],
      [new Response("slow down", { status: 429 }), "RATE_LIMITED"],
    ] as const) {
      const { client } = setup([failure], undefined, undefined, { onOutcomeUnknown });
      await expect(client.execute(session, "CreateInterview", create)).rejects.toMatchObject({
        code,
      });
    }
    expect(onOutcomeUnknown).not.toHaveBeenCalled();
  });

  it("sends nothing when beforeSend refuses", async () => {
    const beforeSend = vi.fn(async () => {
      throw new AppError("OUTCOME_UNKNOWN", "still checking");
    });
    const { client, calls } = setup([], undefined, undefined, { beforeSend });
    await expect(client.execute(session, "CreateInterview", create)).rejects.toMatchObject({
      code: "OUTCOME_UNKNOWN",
      message: "still checking",
    });
    expect(calls).toHaveLength(0);
  });

  it("gives a query's data to onRead after answering, and a failing onRead changes nothing", async () => {
    const onRead = vi.fn(async () => {
      throw new Error("database away");
    });
    const { client } = setup([json({ data: found })], undefined, undefined, { onRead });
    expect(await client.execute(session, "FindInterviews", find)).toEqual(found);
    expect(onRead).toHaveBeenCalledWith(session, "FindInterviews", found, expect.any(Date));
  });

  it("refreshes once on UNAUTHENTICATED and retries with the new token, even for a mutation", async () => {
    const { client, calls, getAccessToken } = setup([
      gqlError("UNAUTHENTICATED", "createVirtualInterviewEvent"),
      json({ data: { createVirtualInterviewEvent: { event: { id: "e1" } } } }),
    ]);
    await client.execute(session, "CreateInterview", create);
    expect(getAccessToken).toHaveBeenLastCalledWith(session.connectionId, { rejected: "token-1" });
    expect(calls.map((c) => c.headers.get("authorization"))).toEqual([
      "Bearer token-1",
      "Bearer token-2",
    ]);
  });

  it("asks to reconnect when the refreshed token is refused too (no loop)", async () => {
    const { client, calls } = setup([
      new Response("", { status: 401 }),
      new Response("", { status: 401 }),
    ]);
    await expect(client.execute(session, "FindInterviews", find)).rejects.toMatchObject({
      code: "RECONNECT_REQUIRED",
    });
    expect(calls).toHaveLength(2);
  });

  it("reports the token service's verdicts with their codes", async () => {
    const { client, getAccessToken, fetchMock } = setup([]);
    getAccessToken.mockRejectedValueOnce(new TokenServiceError("RECONNECT_REQUIRED", "Reconnect"));
    await expect(client.execute(session, "FindInterviews", find)).rejects.toMatchObject({
      code: "RECONNECT_REQUIRED",
      status: 409,
    });
    getAccessToken.mockRejectedValueOnce(new TokenServiceError("INDEED_UNAVAILABLE", "down"));
    await expect(client.execute(session, "FindInterviews", find)).rejects.toMatchObject({
      code: "INDEED_UNAVAILABLE",
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("maps BAD_USER_INPUT to field errors and never returns Indeed's raw error", async () => {
    const { client } = setup([
      json({
        data: { createVirtualInterviewEvent: null },
        errors: [
          {
            message: "title must not be empty.",
            path: ["createVirtualInterviewEvent"],
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
      }),
    ]);
    const error = (await client
      .execute(session, "CreateInterview", create)
      .catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(422);
    expect(error.fieldErrors).toEqual({ "input.title": "This field is required" });
  });

  it("validates variables before calling Indeed", async () => {
    const { client, fetchMock } = setup([]);
    const error = (await client
      .execute(session, "CreateInterview", { input: { ...create.input, timezone: "Nowhere/City" } })
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.fieldErrors).toHaveProperty("input.timezone");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("keeps partial data of GetInterviews (an unknown id is a null, not a failure)", async () => {
    const { client } = setup([
      json({
        data: { virtualInterviewEvents: { events: [{ id: "a" }, null] } },
        errors: [
          {
            message: "no access",
            path: ["virtualInterviewEvents", "events", 1],
            extensions: { code: "FORBIDDEN" },
          },
        ],
      }),
    ]);
    expect(await client.execute(session, "GetInterviews", { ids: ["a", "b"] })).toEqual({
      virtualInterviewEvents: { events: [{ id: "a" }, null] },
    });
  });

  it("runs a mutation's onSuccess hook in a transaction with the session, variables, data and context", async () => {
    const onSuccess = vi.fn(async () => undefined);
    const data = { createVirtualInterviewEvent: { event: { id: "e1" } } };
    const { client } = setup([json({ data })], undefined, onSuccess);
    await client.execute(session, "CreateInterview", create, { applicationId: "a1" });
    expect(onSuccess).toHaveBeenCalledWith(
      { tx: { fake: "tx" }, session },
      create,
      data,
      undefined,
    );
  });

  it("reports a failed onSuccess after Indeed said yes as INTERNAL_ERROR, not as Indeed's failure", async () => {
    const { client } = setup(
      [json({ data: { createVirtualInterviewEvent: { event: { id: "e1" } } } })],
      undefined,
      async () => {
        throw new Error("ledger down");
      },
    );
    await expect(client.execute(session, "CreateInterview", create)).rejects.toMatchObject({
      code: "INTERNAL_ERROR",
    });
  });

  it("refuses to call Indeed for a connection that needs reconnecting", async () => {
    const { client, fetchMock } = setup([]);
    await expect(
      client.execute(
        fakeEmployerSession({ connectionStatus: "needs_reauth" }),
        "FindInterviews",
        find,
      ),
    ).rejects.toMatchObject({ code: "RECONNECT_REQUIRED" });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
