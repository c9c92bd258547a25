import { eq } from "drizzle-orm";
import { generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indeedConnections, users } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import type { DatabaseHandle } from "@/lib/db/client";
import { completeSignIn } from "./complete-sign-in";
import { startFakeIssuer } from "./fake-issuer.test-support";
import {
  connectionRow,
  expireAccessToken,
  mintTokens,
  refreshCount,
  signInAs,
  startTokenTestbed,
  type TokenTestbed,
} from "./sandbox-fixtures.test-support";
import { encryptToken, SINGLE_TOKEN_KEY_ID } from "./token-crypto";
import { createTokenService } from "./tokens";

const quiet = () => undefined;
const ended = {
  status: "needs_reauth",
  accessTokenCiphertext: null,
  refreshTokenCiphertext: null,
};

describe("ID tokens returned by a refresh, against the sandbox", () => {
  let bed: TokenTestbed;

  beforeAll(async () => {
    bed = await startTokenTestbed();
  });
  afterAll(async () => {
    await bed?.close();
  });

  it("a refresh that answers for another person (another sub) ends the connection and drops its tokens", async () => {
    const { session } = await signInAs(
      { db: bed.handle.db, tokens: bed.tokens, sandboxUrl: bed.sandbox.url },
      { user: "u-dana", employer: "emp-acme-robotics" },
    );
    // Dana's refresh works as it should first.
    await expireAccessToken(bed.handle.db, session.connectionId);
    await expect(bed.tokens.getAccessToken(session.connectionId)).resolves.toMatch(/^ey/);

    // Her row now holds a refresh token Indeed issued for Ivy: its ID token names user:u-ivy.
    const ivy = await mintTokens(bed.sandbox.url, { user: "u-ivy", employer: "emp-acme-robotics" });
    await bed.handle.db
      .update(indeedConnections)
      .set({
        refreshTokenCiphertext: encryptToken(
          ivy.refresh_token!,
          [{ id: SINGLE_TOKEN_KEY_ID, key: bed.key }],
          session.connectionId,
          "refresh_token",
        ),
      })
      .where(eq(indeedConnections.id, session.connectionId));
    await expireAccessToken(bed.handle.db, session.connectionId);
    const before = await refreshCount(bed.sandbox.url);
    await expect(bed.tokens.getAccessToken(session.connectionId)).rejects.toMatchObject({
      code: "RECONNECT_REQUIRED",
    });
    // Indeed did refresh: the refusal is Lobby's, from the ID token, not an invalid_grant.
    expect((await refreshCount(bed.sandbox.url)) - before).toBe(1);
    expect(await connectionRow(bed.handle.db, session.connectionId)).toMatchObject(ended);
  });

  it("a refresh whose ID token comes from another issuer than the stored one ends the connection", async () => {
    const { session } = await signInAs(
      { db: bed.handle.db, tokens: bed.tokens, sandboxUrl: bed.sandbox.url },
      { user: "u-sam", employer: "emp-initech-foods" },
    );
    await bed.handle.db
      .update(users)
      .set({ issuer: "https://secure.indeed.com" })
      .where(eq(users.id, session.userId));
    await expireAccessToken(bed.handle.db, session.connectionId);
    const before = await refreshCount(bed.sandbox.url);
    await expect(bed.tokens.getAccessToken(session.connectionId)).rejects.toMatchObject({
      code: "RECONNECT_REQUIRED",
    });
    expect((await refreshCount(bed.sandbox.url)) - before).toBe(1);
    expect(await connectionRow(bed.handle.db, session.connectionId)).toMatchObject(ended);
  });
});

describe("ID tokens returned by a refresh, signed against a local JWKS", () => {
  let handle: DatabaseHandle;
  const SUBJECT = "user:42";

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** A fresh issuer (fresh discovery and JWKS caches), a signed-in user and its token service. */
  async function connected() {
    const issuer = await startFakeIssuer();
    const tokens = createTokenService({
      db: handle.db,
      key: [{ id: "k1", key: Buffer.alloc(32, 7) }],
      oauth: issuer.settings,
      log: quiet,
    });
    const { connectionId } = await completeSignIn(
      {
        identity: {
          issuer: issuer.url,
          subject: SUBJECT,
          name: "Pat",
          email: null,
          employers: [{ id: "emp-local", name: "Local Co", advertiserId: null }],
        },
        tokens: { access_token: "access-0", refresh_token: "refresh-0", expires_in: 3600 },
        employerId: "emp-local",
      },
      { db: handle.db, tokens },
    );
    await expireAccessToken(handle.db, connectionId);
    const idToken = (claims: { sub?: string; iss?: string }, key = issuer.signingKey) =>
      issuer.idToken({ sub: SUBJECT, ...claims }, key);
    return { issuer, tokens, connectionId, idToken };
  }

  it("stores the refreshed tokens when the ID token is valid and names the same person", async () => {
    const { issuer, tokens, connectionId, idToken } = await connected();
    try {
      issuer.nextIdToken = await idToken({});
      expect(await tokens.getAccessToken(connectionId)).toBe("access-1");
      expect((await connectionRow(handle.db, connectionId))?.status).toBe("active");
    } finally {
      await issuer.close();
    }
  });

  it.each([
    ["signed by a key the issuer does not publish", "forged"],
    ["naming another sub", "sub"],
    ["naming another iss", "iss"],
  ] as const)("ends the connection and drops the tokens for an ID token %s", async (_, change) => {
    const { issuer, tokens, connectionId, idToken } = await connected();
    try {
      const otherKey = (await generateKeyPair("ES256")).privateKey;
      issuer.nextIdToken = await (change === "forged"
        ? idToken({}, otherKey)
        : change === "sub"
          ? idToken({ sub: "user:43" })
          : idToken({ iss: "https://attacker.example" }));
      await expect(tokens.getAccessToken(connectionId)).rejects.toMatchObject({
        code: "RECONNECT_REQUIRED",
      });
      expect(await connectionRow(handle.db, connectionId)).toMatchObject(ended);
    } finally {
      await issuer.close();
    }
  });

  it("keeps the connection and reports Indeed unavailable when the JWKS cannot be fetched", async () => {
    const { issuer, tokens, connectionId, idToken } = await connected();
    try {
      issuer.nextIdToken = await idToken({});
      issuer.jwksStatus = 503;
      await expect(tokens.getAccessToken(connectionId)).rejects.toMatchObject({
        code: "INDEED_UNAVAILABLE",
      });
      expect((await connectionRow(handle.db, connectionId))?.status).toBe("active");
    } finally {
      await issuer.close();
    }
  });
});
