import { describe, expect, it } from "vitest";
import { requestErrorLine } from "./request-error";

describe("the server's error log line", () => {
  it("carries the digest the error page shows, the route and the error, not the query", () => {
    const error = Object.assign(new TypeError("fetch failed"), { digest: "2215836789" });
    const line = requestErrorLine(
      error,
      { method: "GET", path: "/api/auth/callback/indeed?code=secret-code&state=s" },
      { routeType: "render" },
    );
    expect(line).toBe(
      "[error] ref=2215836789 GET /api/auth/callback/indeed (render) TypeError: fetch failed",
    );
    expect(line).not.toContain("secret-code");
  });

  it("says so when the error has no digest or is not an Error", () => {
    expect(requestErrorLine("boom", { method: "POST", path: "/x" }, { routeType: "route" })).toBe(
      "[error] ref=none POST /x (route) string: boom",
    );
  });
});
