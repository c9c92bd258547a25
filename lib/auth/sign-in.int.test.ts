import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { decode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { csrfOf } from "@/sandbox/oauth/test-harness";
import { startFakeIssuer, type FakeIssuer } from "./fake-issuer.test-support";
import { exchangeCode, finishSignIn, type FinishSignInDeps } from "./finish-sign-in";
import { listEmployers } from "./indeed-oauth";
import {
  grantsOf,
  journal,
  mintTokens,
  sandboxSettings,
  startTokenTestbed,
  type TokenTestbed,
} from "./sandbox-fixtures.test-support";
import { startSignIn } from "./start-sign-in";

const APP = "http://localhost:3000";
const CHECKS = { state: "state-of-this-browser", pkceCodeVerifier: "v".repeat(43), nonce: "n-1" };

describe("the code exchange's checks, against an issuer that answers any ID token", () => {
  let fake: FakeIssuer;
  beforeAll(async () => {
    fake = await startFakeIssuer();
  });
  afterAll(async () => {
    await fake?.close();
  });
  afterEach(() => {
    fake.nextScope = undefined;
  });

  function callback(query: Record<string, string> = {}): URL {
    const url = new URL(`${APP}/api/auth/callback/indeed`);
    const params = { code: "a-code", state: CHECKS.state, iss: fake.url, employer: "emp-local" };
    for (const [name, value] of Object.entries({ ...params, ...query }))
      url.searchParams.set(name, value);
    return url;
  }
  const claims = { nonce: CHECKS.nonce, employers: [{ id: "emp-local", name: "Local Co" }] };

  it("accepts a signed ID token with this browser's nonce, sending employer and the PKCE verifier", async () => {
    fake.nextIdToken = await fake.idToken({ ...claims, email: "Pat@Example.com" });
    const result = await exchangeCode(callback(), CHECKS, fake.settings);
    expect(result).toMatchObject({
      ok: true,
      employer: "emp-local",
      identity: {
        issuer: fake.url,
        subject: "user:42",
        email: "pat@example.com",
        employers: [{ id: "emp-local" }],
      },
    });
    const sent = fake.tokenRequests.at(-1)!;
    expect(sent.get("employer")).toBe("emp-local");
    expect(sent.get("code_verifier")).toBe(CHECKS.pkceCodeVerifier);
    expect(sent.get("redirect_uri")).toBe(`${APP}/api/auth/callback/indeed`);
  });

  it("refuses an ID token issued to another app, or expired", async () => {
    for (const token of [
      await fake.idToken({ ...claims, aud: "other-ats" }),
      await fake.idToken({ ...claims, exp: Math.floor(Date.now() / 1000) - 3 * 3600 }),
    ]) {
      fake.nextIdToken = token;
      expect(await exchangeCode(callback(), CHECKS, fake.settings)).toEqual({
        ok: false,
        error: "id_token_invalid",
      });
    }
  });

  it("refuses alg none, HS256 keyed with the public key, and a key not in the JWKS", async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = { ...claims, sub: "user:42", name: "Mallory" };
    const none = new UnsecuredJWT(body)
      .setIssuer(fake.url)
      .setAudience("lobby-local")
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .encode();
    const hs = await new SignJWT(body)
      .setProtectedHeader({ alg: "HS256", kid: fake.publishedKid })
      .setIssuer(fake.url)
      .setAudience("lobby-local")
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(new TextEncoder().encode(JSON.stringify(fake.publicJwk)));
    const { privateKey, publicKey } = await generateKeyPair("ES256");
    const forged = await new SignJWT(body)
      .setProtectedHeader({ alg: "ES256", kid: (await exportJWK(publicKey)).x ?? "forged" })
      .setIssuer(fake.url)
      .setAudience("lobby-local")
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(privateKey);
    const forgedWithKnownKid = await fake.idToken(claims, privateKey);
    for (const token of [none, hs, forged, forgedWithKnownKid]) {
      fake.nextIdToken = token;
      expect(await exchangeCode(callback(), CHECKS, fake.settings)).toEqual({
        ok: false,
        error: "id_token_invalid",
      });
    }
  });

  it("refuses an ID token whose nonce is another browser's, or missing", async () => {
    for (const token of [
      await fake.idToken({ ...claims, nonce: "someone-else" }),
      await fake.idToken({ employers: claims.employers }),
    ]) {
      fake.nextIdToken = token;
      expect(await exchangeCode(callback(), CHECKS, fake.settings)).toEqual({
        ok: false,
        error: "id_token_invalid",
      });
    }
  });

  it("refuses a changed state, and a callback naming another issuer (mix-up), before any exchange", async () => {
    const before = fake.tokenRequests.length;
    expect(await exchangeCode(callback({ state: "tampered" }), CHECKS, fake.settings)).toEqual({
      ok: false,
      error: "state_mismatch",
    });
    expect(
      await exchangeCode(callback({ iss: "https://evil.example" }), CHECKS, fake.settings),
    ).toEqual({ ok: false, error: "sign_in_failed" });
    expect(fake.tokenRequests.length).toBe(before);
  });

  it("answers indeed_unavailable when the JWKS cannot be fetched or Indeed cannot be reached", async () => {
    // A fresh issuer: its keys are not cached yet.
    const down = await startFakeIssuer();
    try {
      down.nextIdToken = await down.idToken(claims);
      down.jwksStatus = 503;
      const url = callback({ iss: down.url });
      expect(await exchangeCode(url, CHECKS, down.settings)).toEqual({
        ok: false,
        error: "indeed_unavailable",
      });
    } finally {
      await down.close();
    }
    const nowhere = { ...fake.settings, issuer: "http://127.0.0.1:9" };
    expect(await exchangeCode(callback({ iss: nowhere.issuer }), CHECKS, nowhere)).toEqual({
      ok: false,
      error: "indeed_unavailable",
    });
  });

  it("refuses a partial grant, no employer, and an employer Indeed does not list, handing the tokens back", async () => {
    fake.nextIdToken = await fake.idToken(claims);
    fake.nextScope = "email employer_access interviews.schedule";
    const partial = await exchangeCode(callback(), CHECKS, fake.settings);
    expect(partial).toMatchObject({ ok: false, error: "partial_scopes" });
    expect(partial.ok || partial.tokens?.refresh_token).toMatch(/^refresh-/);
    fake.nextScope = undefined;

    const url = callback();
    url.searchParams.delete("employer");
    expect(await exchangeCode(url, CHECKS, fake.settings)).toMatchObject({
      ok: false,
      error: "no_employer",
    });
    // Not in the ID token's claim, and this issuer has no userinfo to list it: fail closed.
    expect(
      await exchangeCode(callback({ employer: "emp-other" }), CHECKS, fake.settings),
    ).toMatchObject({ ok: false, error: "employer_not_allowed" });
  });
});

describe("sign-in through the sandbox's pages", () => {
  let bed: TokenTestbed;
  let deps: FinishSignInDeps;

  beforeAll(async () => {
    bed = await startTokenTestbed();
    deps = {
      appUrl: APP,
      authSecret: randomBytes(32).toString("base64url"),
      oauth: sandboxSettings(bed.sandbox.url),
      db: bed.handle.db,
      tokens: bed.tokens,
    };
  });
  afterAll(async () => {
    await bed?.close();
  });

  /** Presses "Sign in with Indeed" (from `callbackUrl`), walks Indeed's pages as `user`. */
  async function authorize(options: {
    user: string;
    employer?: string;
    decision?: "allow" | "deny";
    untick?: string[];
    callbackUrl?: string;
  }) {
    const start = await startSignIn(
      new Request(
        `${APP}/api/auth/signin/indeed?callbackUrl=${encodeURIComponent(options.callbackUrl ?? "/")}`,
        { headers: { "sec-fetch-site": "same-origin" } },
      ),
      { appUrl: APP, oauth: deps.oauth },
    );
    expect(start.status).toBe(303);
    const cookies = start.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const authorizeUrl = new URL(start.headers.get("location")!);
    // A browser that keeps the sandbox's cookie and no pooled socket (see sandbox-fixtures.ts).
    let sandboxCookie = "";
    const visit = async (path: string, fields?: Record<string, string>) => {
      const response = await fetch(new URL(path, bed.sandbox.url), {
        method: fields ? "POST" : "GET",
        redirect: "manual",
        headers: {
          connection: "close",
          ...(sandboxCookie ? { cookie: sandboxCookie } : {}),
          ...(fields ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        },
        body: fields ? new URLSearchParams(fields) : undefined,
      });
      const set = response.headers.get("set-cookie");
      if (set) sandboxCookie = set.split(";")[0] ?? "";
      return response;
    };
    let location: string | null = authorizeUrl.pathname + authorizeUrl.search;
    for (let step = 0; step < 8 && location?.startsWith("/"); step += 1) {
      const page = await visit(location);
      const redirected = page.headers.get("location");
      if (redirected) {
        await page.body?.cancel();
        location = redirected;
        continue;
      }
      const html = await page.text();
      const csrf = csrfOf(html);
      let fields: Record<string, string>;
      if (html.includes('value="account"')) fields = { csrf, step: "account", user: options.user };
      else if (html.includes('value="employer"')) {
        const employer = options.employer ?? /name="employer" value="([^"]+)"/.exec(html)?.[1];
        fields = { csrf, step: "employer", ...(employer ? { employer } : {}) };
      } else {
        fields = { csrf, step: "consent", decision: options.decision ?? "allow" };
        for (const scope of ["email", "offline_access"])
          if (!(options.untick ?? []).includes(scope)) fields[`grant_${scope}`] = "on";
      }
      const posted = await visit(location, fields);
      await posted.body?.cancel();
      location = posted.headers.get("location");
    }
    expect(location).toMatch(new RegExp(`^${APP}/api/auth/callback/indeed\\?`));
    return { authorizeUrl, callback: new URL(location!), cookies };
  }

  function back(callback: URL, cookies: string) {
    return finishSignIn(new Request(callback, { headers: { cookie: cookies } }), deps);
  }

  function expectCleanOutcome(response: Response) {
    expect(response.status).toBe(303);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const cleared = response.headers
      .getSetCookie()
      .filter((line) => line.startsWith("lobby.oauth-"));
    expect(cleared.map((line) => line.split("=")[0]).sort()).toEqual([
      "lobby.oauth-nonce",
      "lobby.oauth-pkce",
      "lobby.oauth-return",
      "lobby.oauth-state",
    ]);
    for (const line of cleared) expect(line).toContain("Max-Age=0");
  }

  function sessionCookieOf(response: Response): string | undefined {
    return response.headers
      .getSetCookie()
      .find((line) => line.startsWith("lobby.session="))
      ?.split(";")[0]
      ?.slice("lobby.session=".length);
  }

  it("asks Indeed for PKCE S256, state, nonce and select_employer, in HttpOnly cookies", async () => {
    const start = await startSignIn(new Request(`${APP}/api/auth/signin/indeed`), {
      appUrl: APP,
      oauth: deps.oauth,
    });
    const url = new URL(start.headers.get("location")!);
    expect(url.origin).toBe(bed.sandbox.url);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: "lobby-local",
      redirect_uri: `${APP}/api/auth/callback/indeed`,
      response_type: "code",
      scope: "email employer_access offline_access interviews.schedule",
      prompt: "select_employer",
      code_challenge_method: "S256",
    });
    const lines = start.headers.getSetCookie();
    for (const [name, parameter] of [
      ["lobby.oauth-state", "state"],
      ["lobby.oauth-nonce", "nonce"],
    ] as const) {
      const line = lines.find((l) => l.startsWith(`${name}=`))!;
      expect(line.split(";")[0]!.slice(name.length + 1)).toBe(url.searchParams.get(parameter));
      expect(line).toMatch(/HttpOnly; SameSite=Lax; Max-Age=900/);
    }
    expect(lines.some((l) => l.startsWith("lobby.oauth-pkce="))).toBe(true);
  });

  it("a cross-site link to the start lands on the sign-in page, and starts nothing", async () => {
    const start = await startSignIn(
      new Request(`${APP}/api/auth/signin/indeed?callbackUrl=%2Finterviews`, {
        headers: { "sec-fetch-site": "cross-site" },
      }),
      { appUrl: APP, oauth: deps.oauth },
    );
    expect(start.headers.get("location")).toBe(`${APP}/signin?callbackUrl=%2Finterviews`);
    expect(start.headers.getSetCookie()).toEqual([]);
  });

  it("signs in: a session cookie next-auth decodes, back to the return path", async () => {
    const { callback, cookies } = await authorize({
      user: "u-dana",
      employer: "emp-globex-logistics",
      callbackUrl: "/interviews?view=week",
    });
    const response = await back(callback, cookies);
    expectCleanOutcome(response);
    expect(response.headers.get("location")).toBe(`${APP}/interviews?view=week`);
    const token = sessionCookieOf(response)!;
    const claims = await decode({ token, secret: deps.authSecret });
    expect(claims).toMatchObject({ name: "Dana Recruiter", email: "dana@acme-robotics.example" });
    expect(Object.keys(claims!).sort()).toEqual(
      ["cid", "email", "exp", "iat", "jti", "name", "sid", "sub"].sort(),
    );
    expect(response.headers.getSetCookie().find((l) => l.startsWith("lobby.session="))).toMatch(
      /Path=\/; HttpOnly; SameSite=Lax; Expires=/,
    );

    // The same callback again: the code is used up.
    const again = await back(callback, cookies);
    expectCleanOutcome(again);
    expect(again.headers.get("location")).toBe(`${APP}/signin/error?error=code_invalid`);
    expect(sessionCookieOf(again)).toBeUndefined();
  });

  it("refuses a callback whose state is changed, or that this browser did not start", async () => {
    const { callback, cookies } = await authorize({ user: "u-dana" });
    const tampered = new URL(callback);
    tampered.searchParams.set("state", "tampered");
    for (const response of [await back(tampered, cookies), await back(callback, "")]) {
      expectCleanOutcome(response);
      expect(response.headers.get("location")).toBe(`${APP}/signin/error?error=state_mismatch`);
      expect(sessionCookieOf(response)).toBeUndefined();
    }
  });

  it("refuses an employer parameter swapped for one the person does not belong to", async () => {
    const { callback, cookies } = await authorize({
      user: "u-dana",
      employer: "emp-acme-robotics",
    });
    callback.searchParams.set("employer", "emp-initech-foods");
    const response = await back(callback, cookies);
    expectCleanOutcome(response);
    expect(response.headers.get("location")).toMatch(/\/signin\/error\?error=/);
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it("a Deny at Indeed ends on the denied page", async () => {
    const { callback, cookies } = await authorize({ user: "u-ivy", decision: "deny" });
    const response = await back(callback, cookies);
    expectCleanOutcome(response);
    expect(response.headers.get("location")).toBe(`${APP}/signin/error?error=denied`);
  });

  it("a partial grant, or a person with no employer, is refused and what Indeed issued is revoked", async () => {
    for (const [user, untick, code, outcomes] of [
      // No offline_access: no refresh token, so the access token is what goes back.
      ["u-ivy", ["offline_access"], "partial_scopes", ["revoked-access-token"]],
      ["u-riley", [], "no_employer", ["revoked-access-token", "revoked-grant"]],
    ] as const) {
      const before = (await journal(bed.sandbox.url, "kind=oauth.revoke&limit=10000")).length;
      const { callback, cookies } = await authorize({ user, untick: [...untick] });
      const response = await back(callback, cookies);
      expectCleanOutcome(response);
      expect(response.headers.get("location")).toBe(`${APP}/signin/error?error=${code}`);
      expect(sessionCookieOf(response)).toBeUndefined();
      const revocations = (await journal(bed.sandbox.url, "kind=oauth.revoke&limit=10000")).slice(
        before,
      );
      expect(revocations.map((entry) => entry.outcome).sort()).toEqual([...outcomes]);
    }
    const riley = await grantsOf(bed.sandbox.url, "u-riley");
    expect(riley.every((g) => g.revokedAt !== null)).toBe(true);
  });

  it("reads the user's employers from userinfo, for that user only", async () => {
    const tokens = await mintTokens(bed.sandbox.url, { user: "u-dana" });
    const employers = await listEmployers(tokens.access_token, "user:u-dana", deps.oauth);
    expect(employers.map((e) => e.id).sort()).toEqual([
      "emp-acme-robotics",
      "emp-globex-logistics",
    ]);
    expect(await listEmployers(tokens.access_token, "user:u-sam", deps.oauth)).toEqual([]);
    expect(await listEmployers("not-a-token", "user:u-dana", deps.oauth)).toEqual([]);
  });

  it("ends on indeed_unavailable when Indeed cannot be reached to start", async () => {
    const start = await startSignIn(new Request(`${APP}/api/auth/signin/indeed`), {
      appUrl: APP,
      oauth: { ...deps.oauth, issuer: "http://127.0.0.1:9" },
    });
    expect(start.headers.get("location")).toBe(`${APP}/signin/error?error=indeed_unavailable`);
  });
});
