import { describe, expect, it } from "vitest";
import { CLIENT_ID, CLIENT_SECRET, control, setupTestSandbox } from "../testing/harness";
import { claimsOf, csrfOf, signIn, TestBrowser, tokenRequest } from "./test-harness";

// The rest of the guide's OAuth statements: a client rotates its secret through a second one,
// and a credential store still holding the deleted original gets invalid_grant; the ID token
// carries the selected employer's advertiser id; a person without an Indeed account creates
// one from the interviewer lobby.

const sandbox = setupTestSandbox({ resetBeforeEach: true });

interface SecretsView {
  clientId: string;
  secrets: { id: string; secret: string }[];
  added?: { id: string; secret: string };
}

describe("client secret rotation", () => {
  it("accepts both secrets during a rotation, and invalid_grant for the deleted original", async () => {
    const tokens = await signIn(sandbox, { employer: "emp-acme-robotics" });
    const added = await control<SecretsView>(
      sandbox,
      "POST",
      `/_sandbox/oauth/clients/${CLIENT_ID}/secrets`,
      {},
    );
    expect(added.status).toBe(201);
    expect(added.body.secrets).toHaveLength(2);
    const fresh = added.body.added!.secret;

    // During the rotation either secret works.
    const withOld = await tokenRequest(sandbox, {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token!,
      employer: "emp-acme-robotics",
    });
    expect(withOld.status).toBe(200);
    const withNew = await tokenRequest(sandbox, {
      grant_type: "refresh_token",
      refresh_token: withOld.body.refresh_token!,
      employer: "emp-acme-robotics",
      client_secret: fresh,
    });
    expect(withNew.status).toBe(200);

    // The original goes; a store still holding it fails as the guide says.
    const original = added.body.secrets.find((s) => s.secret === CLIENT_SECRET)!;
    const deleted = await control<SecretsView>(
      sandbox,
      "POST",
      `/_sandbox/oauth/clients/${CLIENT_ID}/secrets/${original.id}/delete`,
      {},
    );
    expect(deleted.status).toBe(200);
    expect(deleted.body.secrets.map((s) => s.secret)).toEqual([fresh]);
    const stale = await tokenRequest(sandbox, {
      grant_type: "refresh_token",
      refresh_token: withNew.body.refresh_token!,
      employer: "emp-acme-robotics",
    });
    expect(stale).toMatchObject({
      status: 400,
      body: { error: "invalid_grant", error_description: "Invalid grant" },
    });
    // The refresh token itself is fine: the app that updated its store goes on.
    const updated = await tokenRequest(sandbox, {
      grant_type: "refresh_token",
      refresh_token: withNew.body.refresh_token!,
      employer: "emp-acme-robotics",
      client_secret: fresh,
    });
    expect(updated.status).toBe(200);
  });

  it("keeps at least one secret and at most two", async () => {
    const listed = await control<SecretsView>(
      sandbox,
      "GET",
      `/_sandbox/oauth/clients/${CLIENT_ID}/secrets`,
    );
    const only = listed.body.secrets[0]!;
    expect(
      (
        await control(
          sandbox,
          "POST",
          `/_sandbox/oauth/clients/${CLIENT_ID}/secrets/${only.id}/delete`,
          {},
        )
      ).status,
    ).toBe(409);
    await control(sandbox, "POST", `/_sandbox/oauth/clients/${CLIENT_ID}/secrets`, {});
    const third = await control(
      sandbox,
      "POST",
      `/_sandbox/oauth/clients/${CLIENT_ID}/secrets`,
      {},
    );
    expect(third.status).toBe(409);
    expect((await control(sandbox, "GET", "/_sandbox/oauth/clients/nobody/secrets")).status).toBe(
      404,
    );
  });

  it("survives a reset back to the seed's one secret", async () => {
    await control(sandbox, "POST", `/_sandbox/oauth/clients/${CLIENT_ID}/secrets`, {});
    await control(sandbox, "POST", "/_sandbox/reset", {});
    const listed = await control<SecretsView>(
      sandbox,
      "GET",
      `/_sandbox/oauth/clients/${CLIENT_ID}/secrets`,
    );
    expect(listed.body.secrets.map((s) => s.secret)).toEqual([CLIENT_SECRET]);
  });
});

describe("the ID token's advertiser id", () => {
  it("names the selected employer's advertiser id, and is absent without an employer", async () => {
    const globex = await signIn(sandbox, { employer: "emp-globex-logistics" });
    expect(claimsOf(globex.id_token)).toMatchObject({ advertiser_id: "5162030002" });
    const none = await signIn(sandbox, { user: "u-riley" });
    expect(claimsOf(none.id_token)).not.toHaveProperty("advertiser_id");
  });
});

describe("creating an Indeed account from the interviewer lobby", () => {
  it("creates a person, signs them in and returns to the lobby path", async () => {
    const browser = new TestBrowser(sandbox);
    const lobby = "/lobby/interviewer/some-token";
    const page = await browser.get(`/account/create?return_to=${encodeURIComponent(lobby)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<label for="name">Your name</label>');
    expect(html).toContain('autocomplete="email"');

    const invalid = await browser.post("/account/create", {
      csrf: csrfOf(html),
      return_to: lobby,
      name: "",
      email: "not-an-email",
    });
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain('aria-invalid="true" aria-describedby="email-error"');
    expect(invalidHtml).toContain('role="alert"');

    const taken = await browser.post("/account/create", {
      csrf: csrfOf(html),
      return_to: lobby,
      name: "Dana Again",
      email: "DANA@acme-robotics.example",
    });
    expect(taken.status).toBe(409);

    const created = await browser.post("/account/create", {
      csrf: csrfOf(html),
      return_to: lobby,
      name: "Lee Newcomer",
      email: "lee@example.org",
    });
    expect(created.status).toBe(303);
    expect(created.headers.get("location")).toBe(lobby);
    const home = await (await browser.get("/")).text();
    expect(home).toContain("lee@example.org");
  });

  it("refuses a post without the page's token, and sends other sites home", async () => {
    const browser = new TestBrowser(sandbox);
    await browser.get("/account/create");
    const forged = await browser.post("/account/create", {
      csrf: "forged",
      name: "Eve",
      email: "eve@example.org",
    });
    expect(forged.status).toBe(403);
    const page = await browser.get("/account/create?return_to=//evil.example");
    const html = await page.text();
    const created = await browser.post("/account/create", {
      csrf: csrfOf(html),
      return_to: "//evil.example",
      name: "Eve",
      email: "eve@example.org",
    });
    expect(created.headers.get("location")).toBe("/");
  });
});
