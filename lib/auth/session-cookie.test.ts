import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { sessionCookieFor } from "./session-cookie";

/** What a browser demands before it stores a `__Host-` cookie (RFC 6265bis §4.1.3.2). */
function meetsHostPrefixRules(cookie: ReturnType<typeof sessionCookieFor>): boolean {
  return (
    cookie.name.startsWith("__Host-") &&
    cookie.options.secure &&
    cookie.options.path === "/" &&
    !("domain" in cookie.options)
  );
}

describe("the session cookie", () => {
  it("is __Host- prefixed, Secure, Path=/ and without Domain in production", () => {
    const production = parseConfig({
      NODE_ENV: "production",
      APP_URL: "https://lobby.example.com",
      INDEED_ISSUER: "https://secure.indeed.com",
      INDEED_CLIENT_ID: "acme-ats-client",
      INDEED_CLIENT_SECRET: "issued-by-indeed-for-acme",
      AUTH_SECRET: "x".repeat(32),
      TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
      MAIL_FROM: "Acme Interviews <interviews@acme.example>",
    });
    const cookie = sessionCookieFor(production.appUrl);
    expect(cookie.name).toBe("__Host-lobby.session");
    expect(meetsHostPrefixRules(cookie)).toBe(true);
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax" });
  });

  it("keeps the plain name, not Secure, for the local production run on http://localhost", () => {
    const local = parseConfig({
      NODE_ENV: "production",
      APP_URL: "http://localhost:3100",
      INDEED_ISSUER: "http://127.0.0.1:4110",
      ALLOW_LOCAL_SANDBOX: "true",
      LOCAL_SECRETS_FILE: join(mkdtempSync(join(tmpdir(), "lobby-cookie-")), "secrets.json"),
    });
    const cookie = sessionCookieFor(local.appUrl);
    expect(cookie).toMatchObject({ name: "lobby.session", secure: false });
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
  });
});
