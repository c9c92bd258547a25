import { describe, expect, it } from "vitest";
import { SIGN_IN_ERRORS, signInErrorCode } from "./sign-in-errors";

describe("sign-in error codes", () => {
  it("maps Indeed's authorization errors to a clear page", () => {
    expect(signInErrorCode("access_denied")).toBe("denied");
    expect(signInErrorCode("temporarily_unavailable")).toBe("indeed_unavailable");
    expect(signInErrorCode("server_error")).toBe("indeed_unavailable");
    expect(signInErrorCode("partial_scopes")).toBe("partial_scopes");
    expect(signInErrorCode(["no_employer", "x"])).toBe("no_employer");
  });

  it("never echoes an unknown value", () => {
    expect(signInErrorCode("<script>alert(1)</script>")).toBe("sign_in_failed");
    expect(signInErrorCode(undefined)).toBe("sign_in_failed");
    expect(signInErrorCode("toString")).toBe("sign_in_failed");
  });

  it("has a title and an explanation for every code", () => {
    for (const entry of Object.values(SIGN_IN_ERRORS)) {
      expect(entry.title.length).toBeGreaterThan(5);
      expect(entry.body.length).toBeGreaterThan(20);
    }
  });
});
