import { describe, expect, it } from "vitest";
import { AppError } from "./app-error";
import { errorResponse, isBrowserPageRequest, problemPageHref } from "./error-response";

describe("the error response builder", () => {
  it("answers an API call with JSON, the code's status, no-store and the request id", async () => {
    const response = errorResponse(new AppError("NOT_SIGNED_IN"), { requestId: "r-1" });
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toBe("r-1");
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await response.json()).toEqual({
      error: {
        code: "NOT_SIGNED_IN",
        message: "Sign in with Indeed to continue",
        requestId: "r-1",
      },
    });
  });

  it("sends Retry-After when the error has a wait", () => {
    const error = new AppError("RATE_LIMITED", "Wait", { retryAfterSeconds: 42 });
    const response = errorResponse(error, { requestId: "r" });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
  });

  it("sends a browser's form post to the problem page with a 303, never JSON", async () => {
    const error = new AppError("RATE_LIMITED", "Wait", { retryAfterSeconds: 42 });
    const response = errorResponse(error, { requestId: "r-2", page: true });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/problem?code=RATE_LIMITED&retryAfter=42");
    expect(response.headers.get("x-request-id")).toBe("r-2");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("");
  });

  it("puts only the code (and a whole number of seconds) in the problem page's address", () => {
    expect(problemPageHref("PAYLOAD_TOO_LARGE")).toBe("/problem?code=PAYLOAD_TOO_LARGE");
    expect(problemPageHref("RATE_LIMITED", 1.5)).toBe("/problem?code=RATE_LIMITED");
  });
});

describe("telling a browser's own request from an API call", () => {
  const request = (method: string, headers: Record<string, string>) =>
    new Request("http://localhost:3000/x", { method, headers });
  it.each([
    ["an urlencoded form post", "POST", { "content-type": "application/x-www-form-urlencoded" }],
    ["a multipart form post", "POST", { "content-type": "multipart/form-data; boundary=x" }],
    ["a navigation", "GET", { "sec-fetch-mode": "navigate" }],
    ["a request for HTML", "GET", { accept: "text/html,application/xhtml+xml" }],
  ])("%s is the browser's", (_name, method, headers) => {
    expect(isBrowserPageRequest(request(method, headers))).toBe(true);
  });
  it.each([
    ["a JSON fetch", "POST", { "content-type": "application/json", accept: "application/json" }],
    ["a fetch with no accept", "GET", {}],
  ])("%s is an API call", (_name, method, headers) => {
    expect(isBrowserPageRequest(request(method, headers))).toBe(false);
  });
});
