import { generateKeyPair, SignJWT, UnsecuredJWT, exportJWK } from "jose";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";
import { listEmployers, verifyIdToken } from "./indeed-oauth";
import { acceptTokens, exchangeCode, sameSecret } from "./indeed-provider";
import { mintTokens, sandboxSettings } from "./sandbox-fixtures";

describe("sign-in against the sandbox", () => {
  let sandbox: RunningSandbox;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "lobby-signin-"));
    sandbox = await startSandbox({ port: 0, dataDir, ephemeral: true });
  });
  afterAll(async () => {
    await sandbox?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe("ID token verification", () => {
    it("accepts the sandbox's ID token and reads the user and employers", async () => {
      const tokens = await mintTokens(sandbox.url, {
        user: "u-dana",
        employer: "emp-globex-logistics",
      });
      const identity = await verifyIdToken(tokens.id_token!, sandboxSettings(sandbox.url));
      expect(identity).toMatchObject({
        issuer: sandbox.url,
        subject: "user:u-dana",
        name: "Dana Recruiter",
        email: "dana@acme-robotics.example",
      });
      expect(identity.employers.map((e) => e.id)).toEqual([
        "emp-globex-logistics",
        "emp-acme-robotics",
      ]);
    });

    it("refuses an ID token issued to another app", async () => {
      const tokens = await mintTokens(sandbox.url, { user: "u-dana" });
      await expect(
        verifyIdToken(tokens.id_token!, { ...sandboxSettings(sandbox.url), clientId: "other-ats" }),
      ).rejects.toThrow();
      const payload = JSON.parse(
        Buffer.from(tokens.id_token!.split(".")[1]!, "base64url").toString(),
      ) as Record<string, unknown>;
      expect(payload.iss).toBe(sandbox.url);
    });

    it("refuses an expired ID token", async () => {
      const tokens = await mintTokens(sandbox.url, { user: "u-dana" });
      await expect(
        verifyIdToken(tokens.id_token!, sandboxSettings(sandbox.url), {
          currentDate: new Date(Date.now() + 3 * 3600_000),
        }),
      ).rejects.toThrow(/exp/);
    });

    it("refuses alg none, HS256 keyed with the public key, and a key not in the JWKS", async () => {
      const settings = sandboxSettings(sandbox.url);
      const claims = { sub: "user:u-dana", name: "Mallory", employers: [] };
      const now = Math.floor(Date.now() / 1000);
      const none = new UnsecuredJWT(claims)
        .setIssuer(sandbox.url)
        .setAudience("lobby-local")
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .encode();
      await expect(verifyIdToken(none, settings)).rejects.toThrow();

      const jwks = (await (await fetch(`${sandbox.url}/.well-known/keys`)).json()) as {
        keys: Record<string, string>[];
      };
      const publicKeyBytes = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
      const hs = await new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256", kid: jwks.keys[0]!.kid })
        .setIssuer(sandbox.url)
        .setAudience("lobby-local")
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(publicKeyBytes);
      await expect(verifyIdToken(hs, settings)).rejects.toThrow();

      const { privateKey, publicKey } = await generateKeyPair("ES256");
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: "ES256", kid: (await exportJWK(publicKey)).x ?? "forged" })
        .setIssuer(sandbox.url)
        .setAudience("lobby-local")
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(privateKey);
      await expect(verifyIdToken(forged, settings)).rejects.toThrow();
    });
  });

  describe("what the code exchange answered", () => {
    const settings = () => sandboxSettings(sandbox.url);

    it("accepts an ID token carrying this browser's nonce and an employer Indeed lists", async () => {
      const tokens = await mintTokens(sandbox.url, {
        user: "u-dana",
        employer: "emp-globex-logistics",
        nonce: "nonce-of-this-browser",
      });
      const result = await acceptTokens(
        tokens,
        { employer: "emp-globex-logistics", nonce: "nonce-of-this-browser" },
        settings(),
      );
      expect(result.lobby_error).toBeUndefined();
      expect(result.lobby_identity?.subject).toBe("user:u-dana");
      expect(result.employer).toBe("emp-globex-logistics");
    });

    it("refuses an ID token whose nonce is another browser's, or missing", async () => {
      const other = await mintTokens(sandbox.url, { user: "u-dana", nonce: "someone-else" });
      const none = await mintTokens(sandbox.url, { user: "u-dana" });
      for (const [tokens, nonce] of [
        [other, "nonce-of-this-browser"],
        [none, "nonce-of-this-browser"],
        [none, undefined],
      ] as const) {
        const result = await acceptTokens(
          tokens,
          { employer: "emp-acme-robotics", nonce },
          settings(),
        );
        expect(result.lobby_error).toBe("id_token_invalid");
        // Handed back so the signIn callback revokes them.
        expect(result.refresh_token).toBe(tokens.refresh_token);
      }
    });

    it("refuses an employer parameter that Indeed does not list for the user", async () => {
      const tokens = await mintTokens(sandbox.url, { user: "u-dana", nonce: "n-1" });
      const result = await acceptTokens(
        tokens,
        { employer: "emp-initech-foods", nonce: "n-1" },
        settings(),
      );
      expect(result.lobby_error).toBe("employer_not_allowed");
    });

    it("reads the user's employers from userinfo when the ID token does not list them", async () => {
      const tokens = await mintTokens(sandbox.url, { user: "u-dana" });
      const employers = await listEmployers(tokens.access_token, settings());
      expect(employers.map((e) => e.id).sort()).toEqual([
        "emp-acme-robotics",
        "emp-globex-logistics",
      ]);
      expect(await listEmployers("not-a-token", settings())).toEqual([]);
    });
  });

  describe("the code exchange", () => {
    const redirectUri = "http://localhost:3000/api/auth/callback/indeed";

    it("answers code_invalid for a reused, expired or unknown code", async () => {
      const result = await exchangeCode(
        {
          code: "already-used-code",
          employer: "emp-acme-robotics",
          codeVerifier: "x".repeat(43),
          redirectUri,
        },
        sandboxSettings(sandbox.url),
      );
      expect(result).toEqual({ lobby_error: "code_invalid" });
    });

    it("answers indeed_unavailable when Indeed cannot be reached", async () => {
      const result = await exchangeCode(
        { code: "some-code", redirectUri },
        { ...sandboxSettings("http://127.0.0.1:9"), issuer: "http://127.0.0.1:9" },
      );
      expect(result).toEqual({ lobby_error: "indeed_unavailable" });
    });

    it("refuses a callback naming another issuer (mix-up)", async () => {
      const result = await exchangeCode(
        { code: "some-code", iss: "https://evil.example", redirectUri },
        sandboxSettings(sandbox.url),
      );
      expect(result).toEqual({ lobby_error: "sign_in_failed" });
    });
  });
});

describe("state and nonce comparison", () => {
  it("matches only identical, present values", () => {
    expect(sameSecret("abc123", "abc123")).toBe(true);
    expect(sameSecret("tampered", "abc123")).toBe(false);
    expect(sameSecret("abc12", "abc123")).toBe(false);
    expect(sameSecret(undefined, "abc123")).toBe(false);
    expect(sameSecret("abc123", undefined)).toBe(false);
    expect(sameSecret("", "")).toBe(false);
    expect(sameSecret(["abc123"], "abc123")).toBe(false);
  });
});
