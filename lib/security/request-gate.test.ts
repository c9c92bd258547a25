import { describe, expect, it } from "vitest";
import {
  clientAddress,
  isSignInPath,
  MAX_PATH_LENGTH,
  pathProblem,
  wantsHtml,
} from "./request-gate";

describe("pathProblem", () => {
  it.each([
    ["/interviews/%", "bad-encoding"],
    ["/interviews/%zz", "bad-encoding"],
    ["/applications/%", "bad-encoding"],
    ["/applications/%E0%A4%A", "bad-encoding"],
    ["/applications/%C0%AF", "bad-encoding"],
    ["/api/indeed/graphql/%", "bad-encoding"],
    ["/api/auth/callback/%ZZ", "bad-encoding"],
    [`/interviews/${"a".repeat(5_000)}`, "too-long"],
    [`/applications/${"%41".repeat(400)}`, "too-long"],
    ["/applications/%00", "control-character"],
    ["/interviews/a%0Ab", "control-character"],
    ["/interviews/%7F", "control-character"],
    ["/interviews/%C2%85", "control-character"],
  ])("refuses %s (%s)", (path, problem) => {
    expect(pathProblem(path)).toBe(problem);
  });

  it.each([
    "/",
    "/applications",
    "/applications/0b7c1e1e-8a4c-4b4f-9a8e-2f0f3c1d2e3f",
    "/applications/APP-1001",
    "/interviews/aXJpOi8vYXBpcy5pbmRlZWQuY29tL1ZpcnR1YWxJbnRlcnZpZXdFdmVudC8x%3D",
    "/interviews/a%2Fb",
    "/api/auth/callback/indeed",
    "/_next/static/chunks/main.js",
    "/caf%C3%A9",
    `/interviews/${"a".repeat(300)}`,
  ])("lets %s through", (path) => {
    expect(pathProblem(path)).toBeUndefined();
  });

  it("allows a path of exactly the maximum length", () => {
    expect(pathProblem(`/${"a".repeat(MAX_PATH_LENGTH - 1)}`)).toBeUndefined();
    expect(pathProblem(`/${"a".repeat(MAX_PATH_LENGTH)}`)).toBe("too-long");
  });
});

describe("isSignInPath", () => {
  it.each([
    ["/signin", true],
    ["/signin/error", true],
    ["/api/auth/csrf", true],
    ["/api/auth/callback/indeed", true],
    ["/api/auth", true],
    ["/signing", false],
    ["/api/authz", false],
    ["/api/indeed/graphql", false],
    ["/applications", false],
  ])("%s → %s", (path, expected) => {
    expect(isSignInPath(path)).toBe(expected);
  });
});

describe("clientAddress", () => {
  const headers = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

  it("ignores X-Forwarded-For when no proxy is trusted: the client wrote it", () => {
    expect(clientAddress(headers("203.0.113.9"), 0)).toBe("direct");
    expect(clientAddress(headers("198.51.100.1"), 0)).toBe("direct");
  });

  it("takes the address the trusted proxy appended, not what the client claimed", () => {
    expect(clientAddress(headers("1.2.3.4, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(headers("1.2.3.4, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("uses what there is when the chain is shorter than the proxies", () => {
    expect(clientAddress(headers("203.0.113.9"), 2)).toBe("203.0.113.9");
    expect(clientAddress(headers(), 1)).toBe("unknown");
  });
});

describe("wantsHtml", () => {
  it("tells a navigation from a fetch", () => {
    expect(wantsHtml(new Headers({ accept: "text/html,application/xhtml+xml" }))).toBe(true);
    expect(wantsHtml(new Headers({ "sec-fetch-mode": "navigate" }))).toBe(true);
    expect(wantsHtml(new Headers({ accept: "application/json" }))).toBe(false);
    expect(wantsHtml(new Headers())).toBe(false);
  });
});
