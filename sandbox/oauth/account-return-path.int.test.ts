import { describe, expect, it } from "vitest";
import { setupTestSandbox } from "../testing/harness";
import { csrfOf, TestBrowser } from "./test-harness";

// `/account/sign-in?return_to=` follows the app's return-path rule (a copy in return-path.ts):
// every spelling of another site, a scheme or a path a browser would read as `//host` lands on
// the sandbox's home page; a plain sandbox path is kept.

const sandbox = setupTestSandbox({ resetBeforeEach: true });

const HOSTILE = [
  "//evil.example",
  "///evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/a/../..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/%2F/evil.example",
  "%2F%2Fevil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "https:evil.example",
  "https://evil.example",
  "http:/evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  " //evil.example",
  "／／evil.example",
  "/／evil.example",
  "/%EF%BC%8Fevil.example",
  "/＼evil.example",
  "evil.example",
  "#//evil.example",
  "/%E0%A4%A",
  "",
];

const KEPT = [
  "/",
  "/lobby/interviewer/abc?x=1#top",
  "/_sandbox/events?employerId=emp-acme-robotics",
];

function htmlAttribute(html: string, name: string): string | undefined {
  const raw = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  return raw
    ?.replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/**
 * Opens the sign-in page for `returnTo` and signs in as Ivy, posting back the page's own
 * `return_to` field (as a browser does) or, when given, a hand-made `posted` value.
 */
async function signInReturningTo(returnTo: string, posted?: string) {
  const browser = new TestBrowser(sandbox);
  const page = await browser.get(`/account/sign-in?return_to=${encodeURIComponent(returnTo)}`);
  const html = await page.text();
  const field = htmlAttribute(html, "return_to");
  const answer = await browser.post("/account/sign-in", {
    csrf: csrfOf(html),
    user: "u-ivy",
    return_to: posted ?? field ?? "",
  });
  return { field, status: answer.status, location: answer.headers.get("location") ?? "" };
}

/** Where a browser ends up: on the sandbox, at a path that is not `//host`. */
function landsOnSandbox(location: string): boolean {
  const resolved = new URL(location, sandbox.url);
  return resolved.origin === new URL(sandbox.url).origin && !resolved.pathname.startsWith("//");
}

describe("/account/sign-in?return_to=", () => {
  it.each(HOSTILE)("sends %j to the sandbox's home page", async (value) => {
    const fromPage = await signInReturningTo(value);
    const fromForm = await signInReturningTo("/", value);
    expect(fromPage.field).toBe("/");
    for (const { status, location } of [fromPage, fromForm]) {
      expect([status, location]).toEqual([303, "/"]);
      expect(landsOnSandbox(location)).toBe(true);
    }
  });

  it.each(KEPT)("keeps the sandbox path %j", async (value) => {
    const { field, status, location } = await signInReturningTo(value);
    expect([field, status, location]).toEqual([value, 303, value]);
    expect(landsOnSandbox(location)).toBe(true);
  });
});
