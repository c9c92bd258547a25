import { describe, expect, it } from "vitest";
import {
  advanceClock,
  CLIENT_ID,
  CLIENT_SECRET,
  control,
  setupTestSandbox,
  verifyAccessToken,
} from "../testing/harness";
import { claimsOf, pkcePair, REDIRECT_URI, runAuthorizeFlow, tokenRequest } from "./test-harness";

const sandbox = setupTestSandbox({ resetBeforeEach: true });

/** A fresh code for Dana at Acme, with its PKCE verifier. */
async function freshCode(options: { employer?: string } = {}) {
  const pkce = pkcePair();
  const back = await runAuthorizeFlow(sandbox, {
    challenge: pkce.challenge,
    employer: options.employer ?? "emp-acme-robotics",
  });
  return { code: back.get("code") ?? "", verifier: pkce.verifier };
}

function exchange(code: string, verifier: string, extra: Record<string, string> = {}) {
  return tokenRequest(sandbox, {
    grant_type: "authorization_code",
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
    ...extra,
  });
}

describe("token endpoint: authorization_code", () => {
  it("exchanges a code for Bearer access, refresh and ID tokens with a one-hour life", async () => {
    const { code, verifier } = await freshCode();
    const { status, body, headers } = await exchange(code, verifier);
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBe(3600);
    expect(body.refresh_token).toBeTruthy();
    const access = claimsOf(body.access_token);
    expect(access).toMatchObject({
      iss: sandbox.url,
      sub: "user:u-dana",
      azp: CLIENT_ID,
      emp: "emp-acme-robotics",
    });
    expect(typeof access.jti).toBe("string");
    expect(claimsOf(body.id_token)).toMatchObject({
      aud: CLIENT_ID,
      email: "dana@acme-robotics.example",
      name: "Dana Recruiter",
    });
  });

  it("refuses a reused code with invalid_grant and revokes every token issued from it", async () => {
    const { code, verifier } = await freshCode();
    const first = await exchange(code, verifier);
    expect(await verifyAccessToken(sandbox, first.body.access_token)).not.toBeNull();
    const second = await exchange(code, verifier);
    expect(second.status).toBe(400);
    expect(second.body).toEqual({ error: "invalid_grant", error_description: "Invalid grant" });
    expect(await verifyAccessToken(sandbox, first.body.access_token)).toBeNull();
    const refresh = await tokenRequest(sandbox, {
      grant_type: "refresh_token",
      refresh_token: first.body.refresh_token ?? "",
    });
    expect(refresh.body.error).toBe("invalid_grant");
  });

  it("refuses a code older than ten minutes (virtual clock)", async () => {
    const { code, verifier } = await freshCode();
    await advanceClock(sandbox, { minutes: 11 });
    const { status, body } = await exchange(code, verifier);
    expect(status).toBe(400);
    expect(body).toEqual({ error: "invalid_grant", error_description: "Invalid grant" });
  });

  it("accepts a code nine minutes old", async () => {
    const { code, verifier } = await freshCode();
    await advanceClock(sandbox, { minutes: 9 });
    expect((await exchange(code, verifier)).status).toBe(200);
  });

  it("refuses a redirect_uri different from the authorize request's", async () => {
    const { code, verifier } = await freshCode();
    const { body } = await exchange(code, verifier, {
      redirect_uri: "http://localhost:3100/api/auth/callback/indeed",
    });
    expect(body.error).toBe("invalid_grant");
    expect(body.error_description).toBe("Invalid grant");
  });

  it("refuses a PKCE verifier that does not match the challenge", async () => {
    const { code } = await freshCode();
    const { body } = await exchange(code, pkcePair().verifier);
    expect(body.error).toBe("invalid_grant");
  });

  it("asks for the verifier when PKCE was used and none is sent", async () => {
    const { code } = await freshCode();
    const { body } = await tokenRequest(sandbox, {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
    });
    expect(body).toEqual({
      error: "invalid_request",
      error_description: "The code_verifier parameter is missing",
    });
  });

  it("refuses a code issued to another client", async () => {
    const { code, verifier } = await freshCode();
    const { body } = await exchange(code, verifier, {
      client_id: "other-ats",
      client_secret: "other-ats-secret",
    });
    expect(body.error).toBe("invalid_grant");
  });

  it("switches the employer at exchange with the employer parameter", async () => {
    const { code, verifier } = await freshCode();
    const { body } = await exchange(code, verifier, { employer: "emp-globex-logistics" });
    expect(claimsOf(body.access_token).emp).toBe("emp-globex-logistics");
  });

  it("answers invalid_request about the employer parameter for an employer the user cannot act for", async () => {
    const { code, verifier } = await freshCode();
    const { status, body } = await exchange(code, verifier, { employer: "emp-initech-foods" });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_request");
    expect(body.error_description).toContain("employer parameter");
  });
});

describe("token endpoint: client authentication and request format", () => {
  it("answers invalid_grant (as Indeed's guide says) for a wrong client secret", async () => {
    const { code, verifier } = await freshCode();
    const { status, body } = await exchange(code, verifier, { client_secret: "wrong" });
    expect(status).toBe(400);
    expect(body).toEqual({ error: "invalid_grant", error_description: "Invalid grant" });
  });

  it("answers invalid_grant for an unknown client id", async () => {
    const { body } = await tokenRequest(sandbox, {
      grant_type: "client_credentials",
      client_id: "nobody",
      client_secret: "x",
    });
    expect(body.error).toBe("invalid_grant");
  });

  it("answers 401 invalid_client when no client credentials are sent at all", async () => {
    const { status, body, headers } = await tokenRequest(
      sandbox,
      { grant_type: "client_credentials" },
      { noClientAuth: true },
    );
    expect(status).toBe(401);
    expect(body.error).toBe("invalid_client");
    expect(headers.get("www-authenticate")).toContain("Basic");
  });

  it("accepts HTTP Basic client authentication", async () => {
    const { code, verifier } = await freshCode();
    const { status } = await tokenRequest(
      sandbox,
      {
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      },
      { basic: [CLIENT_ID, CLIENT_SECRET] },
    );
    expect(status).toBe(200);
  });

  it("answers invalid_grant for a wrong secret in HTTP Basic", async () => {
    const { body } = await tokenRequest(
      sandbox,
      { grant_type: "client_credentials" },
      { basic: [CLIENT_ID, "nope"] },
    );
    expect(body.error).toBe("invalid_grant");
  });

  it("answers invalid_request for a malformed Basic header", async () => {
    const response = await fetch(`${sandbox.url}/oauth/v2/tokens`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Authorization: "Basic !!!not-base64",
      },
      body: "grant_type=client_credentials",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_request");
  });

  it("answers invalid_request when parameters are in the URL query string", async () => {
    const { status, body } = await tokenRequest(
      sandbox,
      { grant_type: "client_credentials" },
      { path: "/oauth/v2/tokens?grant_type=client_credentials" },
    );
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_request");
    expect(body.error_description).toContain("request body");
  });

  it("answers invalid_request for a JSON body", async () => {
    const response = await fetch(`${sandbox.url}/oauth/v2/tokens`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        grant_type: "client_credentials",
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      error: "invalid_request",
      error_description: "The request body must be application/x-www-form-urlencoded",
    });
  });

  it("answers invalid_request for a parameter sent twice", async () => {
    const response = await fetch(`${sandbox.url}/oauth/v2/tokens`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&client_id=${CLIENT_ID}`,
    });
    expect(((await response.json()) as { error: string }).error).toBe("invalid_request");
  });

  it("answers unsupported_grant_type for the password grant", async () => {
    const { status, body } = await tokenRequest(sandbox, {
      grant_type: "password",
      username: "a",
      password: "b",
    });
    expect(status).toBe(400);
    expect(body.error).toBe("unsupported_grant_type");
    expect(body.error_description).toContain("authorization_code");
  });

  it("answers invalid_request when grant_type is missing", async () => {
    const { body } = await tokenRequest(sandbox, {});
    expect(body).toEqual({
      error: "invalid_request",
      error_description: "The grant_type parameter is missing",
    });
  });

  it("answers invalid_grant for a grant type not enabled for the client", async () => {
    const { body } = await tokenRequest(sandbox, {
      grant_type: "client_credentials",
      client_id: "other-ats",
      client_secret: "other-ats-secret",
    });
    expect(body).toEqual({ error: "invalid_grant", error_description: "Invalid grant" });
  });
});

describe("token endpoint: sequential authorizations and disabled grant types", () => {
  it("invalidates the older refresh token when the same person authorizes the app again", async () => {
    const first = await freshCode();
    const older = await exchange(first.code, first.verifier);
    const second = await freshCode();
    const newer = await exchange(second.code, second.verifier);
    const stale = await tokenRequest(sandbox, {
      grant_type: "refresh_token",
      refresh_token: older.body.refresh_token ?? "",
    });
    expect(stale.body).toEqual({ error: "invalid_grant", error_description: "Invalid grant" });
    const fresh = await tokenRequest(sandbox, {
      grant_type: "refresh_token",
      refresh_token: newer.body.refresh_token ?? "",
    });
    expect(fresh.status).toBe(200);
  });

  it("answers invalid_grant for the code grant on a client without it, and unauthorized_client at authorize", async () => {
    const { body } = await tokenRequest(sandbox, {
      grant_type: "authorization_code",
      code: "whatever",
      redirect_uri: "http://localhost:5556/callback",
      client_id: "report-bot",
      client_secret: "report-bot-secret",
    });
    expect(body).toEqual({ error: "invalid_grant", error_description: "Invalid grant" });
    const response = await fetch(
      `${sandbox.url}/oauth/v2/authorize?client_id=report-bot&redirect_uri=${encodeURIComponent("http://localhost:5556/callback")}&response_type=code&scope=email&state=s`,
      { redirect: "manual" },
    );
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("unauthorized_client");
    expect(location.searchParams.get("state")).toBe("s");
  });
});

describe("token endpoint: the journal", () => {
  it("records each token request with its outcome and never a secret", async () => {
    const { code, verifier } = await freshCode();
    const ok = await exchange(code, verifier);
    await exchange(code, verifier);
    await tokenRequest(sandbox, {
      grant_type: "refresh_token",
      refresh_token: ok.body.refresh_token ?? "",
    });
    const { body } = await control(
      sandbox,
      "GET",
      "/_sandbox/journal?kind=oauth.token&client_id=lobby-local",
    );
    const entries = body.entries as { grantType: string; outcome: string; grantId?: string }[];
    expect(entries.map((e) => [e.grantType, e.outcome])).toEqual([
      ["authorization_code", "ok"],
      ["authorization_code", "revoked-grant-on-reuse"],
      ["refresh_token", "invalid_grant"],
    ]);
    expect(entries[0]?.grantId).toMatch(/^grant-/);
    const text = JSON.stringify(body);
    for (const secret of [
      code,
      verifier,
      ok.body.refresh_token,
      ok.body.access_token,
      CLIENT_SECRET,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
