import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("the post-login return path", () => {
  it.each([
    ["/", "/"],
    ["/interviews", "/interviews"],
    ["/interviews?from=2030-01-01#today", "/interviews?from=2030-01-01#today"],
    ["/applications/abc-123", "/applications/abc-123"],
  ])("keeps the relative app path %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "http://localhost:3000/interviews",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "interviews",
    "",
    "/api/auth/signin",
    "/api/auth/callback/indeed?code=x",
    "/signin",
    "/signin?callbackUrl=/x",
    "/signin/error",
    `/${"a".repeat(3000)}`,
  ])("refuses %j and falls back to /", (input) => {
    expect(safeReturnPath(input)).toBe("/");
  });

  it("refuses non-strings", () => {
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(["/interviews"])).toBe("/");
    expect(safeReturnPath(42, "/home")).toBe("/home");
  });

  it("normalises dot segments without leaving the app", () => {
    expect(safeReturnPath("/a/../../interviews")).toBe("/interviews");
  });
});
