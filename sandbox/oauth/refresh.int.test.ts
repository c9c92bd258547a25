import { describe, expect, it } from "vitest";
import { advanceClock, control, setupTestSandbox, verifyAccessToken } from "../testing/harness";
import { claimsOf, signIn, tokenRequest } from "./test-harness";

const sandbox = setupTestSandbox({ resetBeforeEach: true });

function refresh(token: string | undefined, extra: Record<string, string> = {}) {
  return tokenRequest(sandbox, {
    grant_type: "refresh_token",
    refresh_token: token ?? "",
    ...extra,
  });
}

async function setMode(mode: Record<string, unknown>) {
  const result = await control(sandbox, "POST", "/_sandbox/oauth/mode", mode);
  expect(result.status).toBe(200);
}

describe("refresh: rotation (the default)", () => {
  it("returns a new access token and a new refresh token; the old refresh token no longer works", async () => {
    const first = await signIn(sandbox, { employer: "emp-acme-robotics" });
    const second = await refresh(first.refresh_token, { employer: "emp-acme-robotics" });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).toBeTruthy();
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect(second.body.id_token).toBeTruthy();
    const third = await refresh(second.body.refresh_token, { employer: "emp-acme-robotics" });
    expect(third.status).toBe(200);
  });

  it("revokes the whole grant when a rotated refresh token is used again", async () => {
    const first = await signIn(sandbox, { employer: "emp-acme-robotics" });
    const second = await refresh(first.refresh_token);
    const reuse = await refresh(first.refresh_token);
    expect(reuse.body).toEqual({ error: "invalid_grant", error_description: "Invalid grant" });
    expect((await refresh(second.body.refresh_token)).body.error).toBe("invalid_grant");
    expect(await verifyAccessToken(sandbox, second.body.access_token)).toBeNull();
    expect(await verifyAccessToken(sandbox, first.access_token)).toBeNull();
    const { body } = await control(sandbox, "GET", "/_sandbox/oauth/grants");
    expect((body.grants as { revokedReason: string }[])[0]?.revokedReason).toContain(
      "rotated refresh token",
    );
  });
});

describe("refresh: reuse and grace modes", () => {
  it("in reuse mode returns the same refresh token, which keeps working", async () => {
    await setMode({ rotation: "reuse" });
    const first = await signIn(sandbox);
    const second = await refresh(first.refresh_token);
    expect(second.body.refresh_token).toBe(first.refresh_token);
    expect((await refresh(first.refresh_token)).status).toBe(200);
  });

  it("in grace mode accepts the replaced token within the grace period, and revokes after it", async () => {
    await setMode({ rotation: "grace", graceSeconds: 30 });
    const first = await signIn(sandbox);
    const second = await refresh(first.refresh_token);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    await advanceClock(sandbox, { seconds: 10 });
    expect((await refresh(first.refresh_token)).status).toBe(200);
    await advanceClock(sandbox, { seconds: 30 });
    expect((await refresh(first.refresh_token)).body.error).toBe("invalid_grant");
    expect((await refresh(second.body.refresh_token)).body.error).toBe("invalid_grant");
  });
});

describe("refresh: the 60-day life on the virtual clock", () => {
  it("works at day 59", async () => {
    const first = await signIn(sandbox);
    await advanceClock(sandbox, { days: 59 });
    expect((await refresh(first.refresh_token)).status).toBe(200);
  });

  it("fails at day 61 when never used", async () => {
    const first = await signIn(sandbox);
    await advanceClock(sandbox, { days: 61 });
    expect((await refresh(first.refresh_token)).body).toEqual({
      error: "invalid_grant",
      error_description: "Invalid grant",
    });
  });

  it("slides: a token used at day 59 gives one that still works at day 118", async () => {
    const first = await signIn(sandbox);
    await advanceClock(sandbox, { days: 59 });
    const second = await refresh(first.refresh_token);
    await advanceClock(sandbox, { days: 59 });
    expect((await refresh(second.body.refresh_token)).status).toBe(200);
  });

  it("slides in reuse mode too: the same token lives 60 days after its last use", async () => {
    await setMode({ rotation: "reuse" });
    const first = await signIn(sandbox);
    await advanceClock(sandbox, { days: 50 });
    expect((await refresh(first.refresh_token)).status).toBe(200);
    await advanceClock(sandbox, { days: 59 });
    expect((await refresh(first.refresh_token)).status).toBe(200);
    await advanceClock(sandbox, { days: 61 });
    expect((await refresh(first.refresh_token)).body.error).toBe("invalid_grant");
  });

  it("expires the access token after one hour", async () => {
    const first = await signIn(sandbox);
    await advanceClock(sandbox, { minutes: 59 });
    expect(await verifyAccessToken(sandbox, first.access_token)).not.toBeNull();
    await advanceClock(sandbox, { minutes: 2 });
    expect(await verifyAccessToken(sandbox, first.access_token)).toBeNull();
  });
});

describe("refresh: employers", () => {
  it("switches employer: the new token carries the new emp claim", async () => {
    const first = await signIn(sandbox, { employer: "emp-acme-robotics" });
    const second = await refresh(first.refresh_token, { employer: "emp-globex-logistics" });
    expect(claimsOf(second.body.access_token).emp).toBe("emp-globex-logistics");
    expect((await verifyAccessToken(sandbox, second.body.access_token))?.employerId).toBe(
      "emp-globex-logistics",
    );
    const employers = claimsOf(second.body.id_token).employers as { id: string }[];
    expect(employers[0]?.id).toBe("emp-globex-logistics");
  });

  it("answers invalid_request for an employer the user is not a member of, and the token still works", async () => {
    const first = await signIn(sandbox, { employer: "emp-acme-robotics" });
    const refused = await refresh(first.refresh_token, { employer: "emp-initech-foods" });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe("invalid_request");
    expect(refused.body.error_description).toContain("employer parameter");
    expect((await refresh(first.refresh_token)).status).toBe(200);
  });

  it("drops the employer when a refresh omits it (default), keeps it in keep mode", async () => {
    const first = await signIn(sandbox, { employer: "emp-acme-robotics" });
    const dropped = await refresh(first.refresh_token);
    expect(claimsOf(dropped.body.access_token).emp).toBeUndefined();
    const again = await refresh(dropped.body.refresh_token, { employer: "emp-acme-robotics" });
    await setMode({ refreshWithoutEmployer: "keep" });
    const kept = await refresh(again.body.refresh_token);
    expect(claimsOf(kept.body.access_token).emp).toBe("emp-acme-robotics");
  });

  it("narrows the access token's scope when asked, and refuses a wider one", async () => {
    const first = await signIn(sandbox, { employer: "emp-acme-robotics" });
    const narrow = await refresh(first.refresh_token, { scope: "interviews.schedule" });
    expect(narrow.body.scope).toBe("interviews.schedule");
    const wide = await refresh(narrow.body.refresh_token, { scope: "interviews" });
    expect(wide.body.error).toBe("invalid_scope");
  });

  it("refuses a refresh token presented by another client", async () => {
    const first = await signIn(sandbox);
    const other = await refresh(first.refresh_token, {
      client_id: "other-ats",
      client_secret: "other-ats-secret",
    });
    expect(other.body.error).toBe("invalid_grant");
  });

  it("counts refreshes in the journal by grant type and client", async () => {
    const first = await signIn(sandbox);
    const second = await refresh(first.refresh_token);
    await refresh(second.body.refresh_token);
    const { body } = await control(
      sandbox,
      "GET",
      "/_sandbox/journal?kind=oauth.token&grant_type=refresh_token&client_id=lobby-local",
    );
    expect((body.entries as unknown[]).length).toBe(2);
  });
});
