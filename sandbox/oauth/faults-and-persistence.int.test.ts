import { describe, expect, it } from "vitest";
import { control, setupTestSandbox, startTestSandbox, tempDataDir } from "../testing/harness";
import { signIn, tokenRequest } from "./test-harness";

describe("token endpoint faults", () => {
  const sandbox = setupTestSandbox({ resetBeforeEach: true });

  const refresh = (token: string | undefined) =>
    tokenRequest(sandbox, { grant_type: "refresh_token", refresh_token: token ?? "" });

  it("error mode answers the given status and error `count` times, then recovers", async () => {
    const tokens = await signIn(sandbox);
    await control(sandbox, "POST", "/_sandbox/faults/token", {
      mode: "error",
      status: 503,
      count: 2,
    });
    for (let i = 0; i < 2; i += 1) {
      const failed = await refresh(tokens.refresh_token);
      expect(failed.status).toBe(503);
      expect(failed.body.error).toBe("temporarily_unavailable");
    }
    // The refresh token was not consumed by the failed attempts.
    expect((await refresh(tokens.refresh_token)).status).toBe(200);
  });

  it("slow mode delays the answer", async () => {
    await control(sandbox, "POST", "/_sandbox/faults/token", { mode: "slow", delayMs: 400 });
    const started = Date.now();
    const { status } = await tokenRequest(sandbox, { grant_type: "client_credentials" });
    expect(status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });

  it("drop-after-rotate applies the refresh, then drops the connection: only the rotated token is valid", async () => {
    const tokens = await signIn(sandbox);
    await control(sandbox, "POST", "/_sandbox/faults/token", { mode: "drop-after-rotate" });
    await expect(refresh(tokens.refresh_token)).rejects.toThrow();
    // The client never saw the new token; retrying with the old one is reuse and ends the grant.
    const retry = await refresh(tokens.refresh_token);
    expect(retry.body.error).toBe("invalid_grant");
    const { body } = await control(
      sandbox,
      "GET",
      "/_sandbox/journal?kind=oauth.token&grant_type=refresh_token",
    );
    const outcomes = (body.entries as { outcome: string; status: number }[]).map((e) => [
      e.outcome,
      e.status,
    ]);
    expect(outcomes).toEqual([
      ["dropped-after-rotate", 0],
      ["revoked-grant-on-reuse", 400],
    ]);
  });

  it("drop-after-rotate leaves exactly one active refresh token in the grant", async () => {
    await signIn(sandbox).then(async (tokens) => {
      await control(sandbox, "POST", "/_sandbox/faults/token", { mode: "drop-after-rotate" });
      await expect(refresh(tokens.refresh_token)).rejects.toThrow();
    });
    const { body } = await control(sandbox, "GET", "/_sandbox/oauth/grants");
    const grant = (
      body.grants as {
        refreshTokens: { active: number; rotated: number };
        revokedAt: string | null;
      }[]
    )[0];
    expect(grant?.refreshTokens).toMatchObject({ active: 1, rotated: 1 });
    expect(grant?.revokedAt).toBeNull();
  });

  it("POST …/clear clears an armed fault; bad fault bodies are a 400", async () => {
    await control(sandbox, "POST", "/_sandbox/faults/token", { mode: "error", count: 5 });
    await control(sandbox, "POST", "/_sandbox/faults/token/clear", {});
    expect((await tokenRequest(sandbox, { grant_type: "client_credentials" })).status).toBe(200);
    expect(
      (await control(sandbox, "POST", "/_sandbox/faults/token", { mode: "explode" })).status,
    ).toBe(400);
    expect(
      (await control(sandbox, "POST", "/_sandbox/faults/token", { mode: "slow", delayMs: -1 }))
        .status,
    ).toBe(400);
  });
});

describe("state persistence", () => {
  it("keeps grants, refresh tokens and the signing key across a restart", async () => {
    const dataDir = tempDataDir("oauth-persist");
    const first = await startTestSandbox({ dataDir, ephemeral: false });
    const tokens = await signIn(first);
    const kid = (await (await fetch(`${first.url}/.well-known/keys`)).json()) as {
      keys: { kid: string }[];
    };
    await first.close();

    const second = await startTestSandbox({ dataDir, ephemeral: false });
    try {
      const refreshed = await tokenRequest(second, {
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token ?? "",
      });
      expect(refreshed.status).toBe(200);
      const again = (await (await fetch(`${second.url}/.well-known/keys`)).json()) as {
        keys: { kid: string }[];
      };
      expect(again.keys[0]?.kid).toBe(kid.keys[0]?.kid);
    } finally {
      await second.close();
    }
  });
});
