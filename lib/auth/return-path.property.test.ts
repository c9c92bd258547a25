import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localPath, safeReturnPath } from "./return-path";

/**
 * Issue 13: the return-path rule, given 10,000 generated values, never throws and never lets
 * the browser leave the app: whatever comes out resolves to the app's own origin, or is the
 * fallback.
 */

const RUNS = { numRuns: 10_000 };
// 10,000 runs through Intl's zone data take seconds on a shared machine, not milliseconds.
const SLOW = { timeout: 60_000 };
const ORIGIN = "https://lobby.example";

// Pieces that open redirects are made of, assembled at random, beside arbitrary strings.
const piece = fc.constantFrom(
  "/",
  "//",
  "\\",
  "/\\",
  "%2f",
  "%2F",
  "%5c",
  "%2e",
  ".",
  "..",
  "／",
  "＼",
  "evil.example",
  "javascript:",
  "https:",
  "@",
  "?",
  "#",
  "%",
  "\t",
  "\n",
  "\u0000",
  "signin",
  "api/auth",
  "interviews",
);
const candidate = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.webUrl(),
  fc.anything(),
);

describe("the return-path rule, on generated input", () => {
  it("answers a same-origin path or the fallback, and never throws", SLOW, () => {
    fc.assert(
      fc.property(candidate, (value) => {
        const path = safeReturnPath(value, "/fallback");
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
        expect(/^\/(api\/auth|signin)(\/|$)/.test(new URL(path, ORIGIN).pathname)).toBe(false);
      }),
      RUNS,
    );
  });

  it("gives back what it accepted when asked again", SLOW, () => {
    fc.assert(
      fc.property(candidate, (value) => {
        const path = localPath(value);
        if (path !== undefined) expect(localPath(path)).toBe(path);
      }),
      RUNS,
    );
  });
});
