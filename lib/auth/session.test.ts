import { describe, expect, it, vi } from "vitest";
import { cookieFromHeader, refreshTokenExpiresSoon, withEmployer } from "./session";
import { fakeEmployerSession } from "./testing";

vi.mock("@/lib/config", () => ({
  config: () => ({ appUrl: "http://localhost:3000", authSecret: "x".repeat(32) }),
}));

const DAY = 86_400_000;

describe("withEmployer", () => {
  const handler = vi.fn(
    async (_request: Request, { session }: { session: { employer: { id: string } } }) =>
      Response.json({ employer: session.employer.id }),
  );

  it("calls the handler with the session", async () => {
    const route = withEmployer(handler, { getSession: async () => fakeEmployerSession() });
    const response = await route(
      new Request("http://localhost:3000/api/x", {
        method: "POST",
        headers: { origin: "http://localhost:3000" },
      }),
    );
    expect(await response.json()).toEqual({ employer: "emp-acme-robotics" });
  });

  it("answers 403 when the session's employer is no longer the user's, unless the route is the way out", async () => {
    const lost = async () => fakeEmployerSession({ employerAccess: false });
    const request = () =>
      new Request("http://localhost:3000/api/x", {
        method: "POST",
        headers: { origin: "http://localhost:3000" },
      });
    const refused = await withEmployer(handler, { getSession: lost })(request());
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: { code: "FORBIDDEN", message: "You no longer have access to Acme Robotics" },
    });
    const switchRoute = withEmployer(handler, { getSession: lost, allowLostEmployer: true });
    expect((await switchRoute(request())).status).toBe(200);
  });

  it("answers 401 NOT_SIGNED_IN without a session", async () => {
    const route = withEmployer(handler, { getSession: async () => null });
    const response = await route(new Request("http://localhost:3000/api/x"));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_SIGNED_IN" } });
  });

  it("refuses cross-site state-changing requests with 403, but lets same-site GETs through", async () => {
    const route = withEmployer(handler, { getSession: async () => fakeEmployerSession() });
    const post = await route(
      new Request("http://localhost:3000/api/x", {
        method: "POST",
        headers: { origin: "https://evil.example" },
      }),
    );
    expect(post.status).toBe(403);
    const nullOrigin = await route(
      new Request("http://localhost:3000/api/x", { method: "DELETE", headers: { origin: "null" } }),
    );
    expect(nullOrigin.status).toBe(403);
    const get = await route(new Request("http://localhost:3000/api/x"));
    expect(get.status).toBe(200);
  });
});

describe("the refresh-token expiry warning", () => {
  const now = new Date("2030-01-01T00:00:00Z");
  it("warns within 7 days of the 60-day end, not before, and not once reconnecting is needed", () => {
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    expect(
      refreshTokenExpiresSoon(fakeEmployerSession({ refreshTokenExpiresAt: at(6) }), now),
    ).toBe(true);
    expect(
      refreshTokenExpiresSoon(fakeEmployerSession({ refreshTokenExpiresAt: at(8) }), now),
    ).toBe(false);
    expect(refreshTokenExpiresSoon(fakeEmployerSession({ refreshTokenExpiresAt: null }), now)).toBe(
      false,
    );
    expect(
      refreshTokenExpiresSoon(
        fakeEmployerSession({ refreshTokenExpiresAt: at(1), connectionStatus: "needs_reauth" }),
        now,
      ),
    ).toBe(false);
  });
});

describe("reading the session cookie from a Cookie header", () => {
  it("finds the named cookie and ignores look-alikes", () => {
    const header = "other=1; lobby.session.x=2; lobby.session=abc%3D; z=3";
    expect(cookieFromHeader(header, "lobby.session")).toBe("abc=");
    expect(cookieFromHeader(header, "missing")).toBeUndefined();
    expect(cookieFromHeader(null, "lobby.session")).toBeUndefined();
  });
});
