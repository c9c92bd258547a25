import { describe, expect, it } from "vitest";
import { securityHeaders } from "./headers";

const base = {
  nonce: "abc123==",
  pathname: "/",
  development: false,
  appUrl: "http://localhost:3000",
  production: true,
};

describe("security headers", () => {
  it("sets a nonce-based strict CSP without unsafe-eval in production", () => {
    const csp = securityHeaders(base)["Content-Security-Policy"]!;
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
  });

  it("allows unsafe-eval in development only", () => {
    expect(securityHeaders({ ...base, development: true })["Content-Security-Policy"]).toContain(
      "'unsafe-eval'",
    );
  });

  it("sends the fixed headers on every response", () => {
    const headers = securityHeaders(base);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Cross-Origin-Opener-Policy"]).toBe("same-origin");
    expect(headers["X-Powered-By"]).toBeUndefined();
  });

  it("uses no-referrer and no-store on the OAuth callback", () => {
    const headers = securityHeaders({ ...base, pathname: "/api/auth/callback/indeed" });
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["Cache-Control"]).toBe("no-store");
  });

  it("marks pages no-store but leaves hashed static assets cacheable", () => {
    expect(securityHeaders({ ...base, pathname: "/interviews" })["Cache-Control"]).toBe("no-store");
    expect(
      securityHeaders({ ...base, pathname: "/_next/static/chunks/app.js" })["Cache-Control"],
    ).toBeUndefined();
  });

  it("sends HSTS in production over https, never for http or localhost", () => {
    expect(
      securityHeaders({ ...base, appUrl: "https://lobby.example" })["Strict-Transport-Security"],
    ).toMatch(/max-age=/);
    expect(securityHeaders(base)["Strict-Transport-Security"]).toBeUndefined();
    expect(
      securityHeaders({ ...base, appUrl: "https://localhost:3000" })["Strict-Transport-Security"],
    ).toBeUndefined();
    expect(
      securityHeaders({ ...base, appUrl: "https://lobby.example", production: false })[
        "Strict-Transport-Security"
      ],
    ).toBeUndefined();
  });
});
