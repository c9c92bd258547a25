import { describe, expect, it } from "vitest";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  control,
  setupTestSandbox,
  verifyAccessToken,
} from "../testing/harness";
import { claimsOf, signIn, tokenRequest } from "./test-harness";

const sandbox = setupTestSandbox({ resetBeforeEach: true });

async function getJson(path: string, token?: string) {
  const response = await fetch(`${sandbox.url}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

describe("client credentials and appinfo", () => {
  it("issues an app token without a refresh token, and appinfo lists the app's employers", async () => {
    const { status, body } = await tokenRequest(sandbox, { grant_type: "client_credentials" });
    expect(status).toBe(200);
    expect(body.refresh_token).toBeUndefined();
    expect(body.id_token).toBeUndefined();
    expect(claimsOf(body.access_token).sub).toBe(`app:${CLIENT_ID}`);
    const info = await getJson("/v2/api/appinfo", body.access_token);
    expect(info.body).toEqual({
      employers: [
        { id: "emp-acme-robotics", name: "Acme Robotics" },
        { id: "emp-globex-logistics", name: "Globex Logistics" },
      ],
    });
  });

  it("refuses an app token for an employer the app cannot act for", async () => {
    const { body } = await tokenRequest(sandbox, {
      grant_type: "client_credentials",
      employer: "emp-initech-foods",
    });
    expect(body.error).toBe("invalid_request");
    expect(body.error_description).toContain("employer parameter");
  });

  it("refuses appinfo for a person's token and for no token", async () => {
    const person = await signIn(sandbox);
    expect((await getJson("/v2/api/appinfo", person.access_token)).status).toBe(403);
    const anonymous = await getJson("/v2/api/appinfo");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });
});

describe("userinfo", () => {
  it("returns sub, email and email_verified for a person's token", async () => {
    const tokens = await signIn(sandbox, { employer: "emp-acme-robotics" });
    const { status, body } = await getJson("/v2/api/userinfo", tokens.access_token);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      sub: "user:u-dana",
      email: "dana@acme-robotics.example",
      email_verified: true,
    });
    expect(body.sub).toBe(claimsOf(tokens.id_token).sub);
  });

  it("leaves out the email when the person did not grant the email scope", async () => {
    const tokens = await signIn(sandbox, { employer: "emp-acme-robotics", untick: ["email"] });
    const { body } = await getJson("/v2/api/userinfo", tokens.access_token);
    expect(body.email).toBeUndefined();
    expect(body.sub).toBe("user:u-dana");
  });

  it("answers 401 for a tampered token", async () => {
    const tokens = await signIn(sandbox);
    const tampered = `${tokens.access_token?.slice(0, -4)}AAAA`;
    expect((await getJson("/v2/api/userinfo", tampered)).status).toBe(401);
  });
});

describe("revocation endpoint (RFC 7009)", () => {
  it("revoking a refresh token ends the whole grant", async () => {
    const tokens = await signIn(sandbox);
    const revoked = await tokenRequest(
      sandbox,
      { token: tokens.refresh_token ?? "" },
      { path: "/oauth/v2/revoke" },
    );
    expect(revoked.status).toBe(200);
    expect(await verifyAccessToken(sandbox, tokens.access_token)).toBeNull();
    const refresh = await tokenRequest(sandbox, {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token ?? "",
    });
    expect(refresh.body.error).toBe("invalid_grant");
  });

  it("revoking an access token ends only that token", async () => {
    const tokens = await signIn(sandbox);
    await tokenRequest(
      sandbox,
      { token: tokens.access_token ?? "", token_type_hint: "access_token" },
      { path: "/oauth/v2/revoke" },
    );
    expect(await verifyAccessToken(sandbox, tokens.access_token)).toBeNull();
    const refresh = await tokenRequest(sandbox, {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token ?? "",
    });
    expect(refresh.status).toBe(200);
  });

  it("answers 200 for an unknown token and 401 invalid_client for a wrong secret", async () => {
    expect(
      (await tokenRequest(sandbox, { token: "nonsense" }, { path: "/oauth/v2/revoke" })).status,
    ).toBe(200);
    const wrong = await tokenRequest(
      sandbox,
      { token: "x", client_secret: "wrong" },
      { path: "/oauth/v2/revoke" },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe("invalid_client");
  });
});

describe("control routes", () => {
  it("mints tokens for a seeded user and employer, same body as the token endpoint", async () => {
    const { status, body } = await control(sandbox, "POST", "/_sandbox/oauth/tokens", {
      user: "dana@acme-robotics.example",
      employer: "emp-globex-logistics",
      scope: "employer_access interviews.schedule offline_access",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      scope: "employer_access interviews.schedule offline_access",
    });
    expect(claimsOf(body.access_token as string).emp).toBe("emp-globex-logistics");
    const refresh = await tokenRequest(sandbox, {
      grant_type: "refresh_token",
      refresh_token: body.refresh_token as string,
    });
    expect(refresh.status).toBe(200);
  });

  it("refuses to mint for an employer the user is not a member of", async () => {
    const { status } = await control(sandbox, "POST", "/_sandbox/oauth/tokens", {
      user: "u-sam",
      employer: "emp-acme-robotics",
    });
    expect(status).toBe(400);
  });

  it("revokes every grant of a user; their tokens stop working", async () => {
    const first = await signIn(sandbox, { user: "u-dana", employer: "emp-acme-robotics" });
    const minted = await control(sandbox, "POST", "/_sandbox/oauth/tokens", { user: "u-dana" });
    const other = await signIn(sandbox, { user: "u-sam", employer: "emp-initech-foods" });
    const { status, body } = await control(sandbox, "POST", "/_sandbox/users/u-dana/revoke");
    expect(status).toBe(200);
    expect(body.revokedGrants).toBe(2);
    expect(await verifyAccessToken(sandbox, first.access_token)).toBeNull();
    expect(await verifyAccessToken(sandbox, minted.body.access_token as string)).toBeNull();
    expect(await verifyAccessToken(sandbox, other.access_token)).not.toBeNull();
    const refresh = await tokenRequest(sandbox, {
      grant_type: "refresh_token",
      refresh_token: first.refresh_token ?? "",
    });
    expect(refresh.body.error).toBe("invalid_grant");
  });

  it("lists grants without any token or secret in them", async () => {
    const tokens = await signIn(sandbox);
    const { body } = await control(sandbox, "GET", "/_sandbox/oauth/grants?user=u-dana");
    const grants = body.grants as { userId: string; refreshTokens: { active: number } }[];
    expect(grants).toHaveLength(1);
    expect(grants[0]?.refreshTokens.active).toBe(1);
    const text = JSON.stringify(body);
    for (const secret of [tokens.access_token, tokens.refresh_token, CLIENT_SECRET])
      expect(text).not.toContain(secret);
  });

  it("serves discovery and JWKS matching the tokens' kid", async () => {
    const discovery = await getJson("/.well-known/openid-configuration");
    expect(discovery.body).toMatchObject({
      issuer: sandbox.url,
      token_endpoint: `${sandbox.url}/oauth/v2/tokens`,
      code_challenge_methods_supported: ["S256"],
      id_token_signing_alg_values_supported: ["ES256"],
    });
    const jwks = await getJson("/.well-known/keys");
    const key = (jwks.body.keys as { kid: string; alg: string; use: string }[])[0];
    expect(key).toMatchObject({ alg: "ES256", use: "sig" });
    const tokens = await signIn(sandbox);
    const header = JSON.parse(
      Buffer.from(tokens.id_token?.split(".")[0] ?? "", "base64url").toString(),
    ) as { kid: string };
    expect(header.kid).toBe(key?.kid);
  });

  it("shows the seeded accounts, client secret and virtual time on the home page", async () => {
    const html = await (await fetch(`${sandbox.url}/`)).text();
    expect(html).toContain("Dana Recruiter");
    expect(html).toContain(CLIENT_SECRET);
    expect(html).toContain("Virtual time");
  });
});
