import { afterEach, describe, expect, it, vi } from "vitest";
import { createIndeedHooks, IndeedRouteError, indeedKeys } from "./hooks";
import type { OperationList } from "./operation";

const { callIndeedOperation } = createIndeedHooks<OperationList>();

afterEach(() => vi.unstubAllGlobals());

function stubFetch(response: Response | Error) {
  const fetchMock = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("the client-side route caller", () => {
  it("posts the operation name, variables and context as JSON to the route", async () => {
    const fetchMock = stubFetch(
      Response.json({ data: { virtualInterviewEvents: { events: [] } } }),
    );
    const data = await callIndeedOperation("GetInterviews", { ids: ["a"] });
    expect(data).toEqual({ virtualInterviewEvents: { events: [] } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/indeed/graphql");
    expect(init.method).toBe("POST");
    expect(new Headers(init.headers).get("content-type")).toBe("application/json");
    expect(JSON.parse(String(init.body))).toEqual({
      operationName: "GetInterviews",
      variables: { ids: ["a"] },
    });
  });

  it("throws IndeedRouteError with the code, status and field errors", async () => {
    stubFetch(
      Response.json(
        {
          error: {
            code: "BAD_USER_INPUT",
            message: "Check",
            fieldErrors: { "input.title": "Enter a title" },
            requestId: "r1",
          },
        },
        { status: 422 },
      ),
    );
    const error = (await callIndeedOperation("SetInterviewTitle", {
      input: { id: "e", title: "" },
    }).catch((e: unknown) => e)) as IndeedRouteError;
    expect(error).toBeInstanceOf(IndeedRouteError);
    expect(error).toMatchObject({
      code: "BAD_USER_INPUT",
      status: 422,
      fieldErrors: { "input.title": "Enter a title" },
      requestId: "r1",
    });
  });

  it("says when the user must sign in or reconnect", async () => {
    stubFetch(
      Response.json(
        { error: { code: "RECONNECT_REQUIRED", message: "Reconnect", requestId: "r" } },
        { status: 409 },
      ),
    );
    const error = (await callIndeedOperation("GetInterviews", { ids: ["a"] }).catch(
      (e: unknown) => e,
    )) as IndeedRouteError;
    expect(error.needsSignIn).toBe(true);
  });

  it("turns a network failure into NETWORK_ERROR", async () => {
    stubFetch(new TypeError("Failed to fetch"));
    await expect(callIndeedOperation("GetInterviews", { ids: ["a"] })).rejects.toMatchObject({
      code: "NETWORK_ERROR",
      status: 0,
    });
  });

  it("scopes cache keys by employer", () => {
    expect(indeedKeys.operation("emp-a", "GetInterviews", { ids: ["x"] })).not.toEqual(
      indeedKeys.operation("emp-b", "GetInterviews", { ids: ["x"] }),
    );
    expect(indeedKeys.operation("emp-a", "GetInterviews", { ids: ["x"] }).slice(0, 2)).toEqual(
      indeedKeys.all("emp-a"),
    );
  });
});
