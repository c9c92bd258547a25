import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import {
  advanceClock,
  CLIENT_ID,
  control,
  setupTestSandbox,
  startTestSandbox,
  tempDataDir,
  verifyAccessToken,
} from "../testing/harness";
import { signIn } from "./test-harness";

// POST /_sandbox/oauth/keys/rotate: a new signing key, the old one published until its tokens expire.

const sandbox = setupTestSandbox({ resetBeforeEach: true });

async function jwks(
  target: RunningSandbox = sandbox,
): Promise<JSONWebKeySet & { keys: { kid?: string }[] }> {
  return (await (await fetch(`${target.url}/.well-known/keys`)).json()) as JSONWebKeySet & {
    keys: { kid?: string }[];
  };
}

async function rotate(target: RunningSandbox = sandbox) {
  const result = await control<{
    kid: string;
    previousKid: string;
    previousPublishedUntil: string;
    keys: string[];
  }>(target, "POST", "/_sandbox/oauth/keys/rotate");
  expect(result.status).toBe(200);
  return result.body;
}

/** Verifies an ID token the way an OIDC client does: against the published JWKS. */
async function verifyIdToken(idToken: string | undefined) {
  return jwtVerify(idToken ?? "", createLocalJWKSet(await jwks()), {
    issuer: sandbox.url,
    audience: CLIENT_ID,
  });
}

describe("signing key rotation", () => {
  it("keeps tokens signed before the rotation valid: access tokens, userinfo and ID tokens", async () => {
    const before = await signIn(sandbox);
    const oldKid = decodeProtectedHeader(before.access_token ?? "").kid;
    const rotated = await rotate();
    expect(rotated.previousKid).toBe(oldKid);
    expect(rotated.kid).not.toBe(oldKid);

    expect(await verifyAccessToken(sandbox, before.access_token)).toMatchObject({
      userId: "u-dana",
    });
    const userinfo = await fetch(`${sandbox.url}/v2/api/userinfo`, {
      headers: { Authorization: `Bearer ${before.access_token}` },
    });
    expect(userinfo.status).toBe(200);
    await expect(verifyIdToken(before.id_token)).resolves.toMatchObject({
      protectedHeader: { kid: oldKid },
    });
  });

  it("signs new ID and access tokens with the new kid, and the JWKS lists both keys, the new one first", async () => {
    const rotated = await rotate();
    expect((await jwks()).keys.map((k) => k.kid)).toEqual([rotated.kid, rotated.previousKid]);
    expect(rotated.keys).toEqual([rotated.kid, rotated.previousKid]);

    const after = await signIn(sandbox);
    expect(decodeProtectedHeader(after.id_token ?? "").kid).toBe(rotated.kid);
    expect(decodeProtectedHeader(after.access_token ?? "").kid).toBe(rotated.kid);
    await expect(verifyIdToken(after.id_token)).resolves.toBeTruthy();
    expect(await verifyAccessToken(sandbox, after.access_token)).not.toBeNull();
  });

  it("stops publishing the previous key once the tokens it signed have expired", async () => {
    const rotated = await rotate();
    const clock = await control<{ now: string }>(sandbox, "GET", "/_sandbox/clock");
    // The virtual clock keeps running in real time, so allow for the milliseconds between calls.
    expect(Date.parse(rotated.previousPublishedUntil) - Date.parse(clock.body.now)).toBeGreaterThan(
      3_599_000,
    );
    await advanceClock(sandbox, { minutes: 61 });
    expect((await jwks()).keys.map((k) => k.kid)).toEqual([rotated.kid]);
  });

  it("keeps the new key through a reset (dropping the retired one) and a restart", async () => {
    const beforeReset = await rotate();
    await control(sandbox, "POST", "/_sandbox/reset");
    expect((await jwks()).keys.map((k) => k.kid)).toEqual([beforeReset.kid]);

    const dataDir = tempDataDir("oauth-rotate");
    const first = await startTestSandbox({ dataDir, ephemeral: false });
    const rotated = await rotate(first);
    await first.close();
    const second = await startTestSandbox({ dataDir, ephemeral: false });
    try {
      expect((await jwks(second)).keys.map((k) => k.kid)).toEqual([
        rotated.kid,
        rotated.previousKid,
      ]);
    } finally {
      await second.close();
    }
  });
});
