import { describe, expect, it } from "vitest";
import { localPath, safeReturnPath } from "./return-path";

describe("the return-path rule", () => {
  it.each([
    ["/", "/"],
    ["/interviews", "/interviews"],
    ["/interviews?from=2030-01-01#today", "/interviews?from=2030-01-01#today"],
    ["/applications/abc-123", "/applications/abc-123"],
    ["/applications?q=Jos%C3%A9", "/applications?q=Jos%C3%A9"],
    ["/a/../../interviews", "/interviews"],
    ["/a/./b/../interviews", "/a/interviews"],
    ["/%61pplications", "/%61pplications"],
  ])("keeps the app path %j as %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  // Each of these either leaves the origin in some browser or parser, or is not a path at all.
  it.each([
    "https://evil.example/",
    "http://localhost:3000/interviews",
    "https:evil.example",
    "https:/evil.example",
    "//evil.example/path",
    "///evil.example",
    "////evil.example",
    "/.//evil.example",
    "/./../..//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/%2E//evil.example",
    "/%2e%2e//evil.example",
    "/.%2f/evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "%2F%2Fevil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%0d%0a/evil.example",
    "/\u0000/evil.example",
    "/\uff0fevil.example",
    "\uff0f\uff0fevil.example",
    "/%EF%BC%8Fevil.example",
    "/\uff3cevil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "/javascript:alert(1)//%0a",
    "data:text/html,<script>alert(1)</script>",
    "%",
    "/%zz",
    "interviews",
    " /interviews",
    "",
    `/${"a".repeat(3000)}`,
  ])("refuses %j", (input) => {
    expect(localPath(input)).toBeUndefined();
    expect(safeReturnPath(input)).toBe("/");
  });

  it.each([
    "/api/auth/signin",
    "/api/auth/callback/indeed?code=x",
    "/signin",
    "/signin?callbackUrl=/x",
    "/signin/error",
    "/x/../signin",
  ])("refuses the sign-in machinery %j (it would loop)", (input) => {
    expect(safeReturnPath(input)).toBe("/");
  });

  it("keeps paths that only start like the sign-in machinery", () => {
    expect(safeReturnPath("/signing-bonus")).toBe("/signing-bonus");
  });

  it("refuses non-strings and uses the given fallback", () => {
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(["/interviews"])).toBe("/");
    expect(safeReturnPath(42, "/home")).toBe("/home");
    expect(safeReturnPath("//evil.example", "/applications")).toBe("/applications");
  });
});
