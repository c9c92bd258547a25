import { describe, expect, it } from "vitest";
import { checkSameOrigin } from "./origin-check";

const app = "http://localhost:3000";
const headers = (init: Record<string, string>) => new Headers(init);

describe("the same-origin check", () => {
  it("accepts the app's own origin", () => {
    expect(checkSameOrigin(headers({ origin: app }), app).ok).toBe(true);
    expect(checkSameOrigin(headers({ origin: app, "sec-fetch-site": "same-origin" }), app).ok).toBe(
      true,
    );
  });

  it("refuses another origin, another port or scheme", () => {
    for (const origin of [
      "https://evil.example",
      "http://localhost:3001",
      "https://localhost:3000",
      "http://127.0.0.1:3000",
    ]) {
      expect(checkSameOrigin(headers({ origin }), app)).toMatchObject({ ok: false });
    }
  });

  it("refuses Origin: null (sandboxed frames, data: URLs, some redirects)", () => {
    expect(checkSameOrigin(headers({ origin: "null" }), app)).toEqual({
      ok: false,
      reason: "opaque origin",
    });
  });

  it("refuses a request without Origin", () => {
    expect(checkSameOrigin(headers({}), app)).toEqual({ ok: false, reason: "no origin" });
  });

  it("refuses Sec-Fetch-Site cross-site and same-site even with a matching Origin", () => {
    expect(checkSameOrigin(headers({ origin: app, "sec-fetch-site": "cross-site" }), app).ok).toBe(
      false,
    );
    expect(checkSameOrigin(headers({ origin: app, "sec-fetch-site": "same-site" }), app).ok).toBe(
      false,
    );
  });

  it("refuses a malformed Origin", () => {
    expect(checkSameOrigin(headers({ origin: "not a url" }), app).ok).toBe(false);
  });
});
