import { createHash } from "node:crypto";
import { OAuthError, invalidGrant, invalidRequest } from "./errors";
import type { OAuthRuntime } from "./runtime";
import { APP_SCOPES, splitScopes } from "./scopes";
import type { Grant, OAuthClient, SeedUser } from "./store";
import { hashSecret, REFRESH_LIFETIME_MS, type TokenResponse } from "./tokens";

export interface GrantResult {
  body: TokenResponse;
  grantId?: string;
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

function required(form: Map<string, string>, name: string): string {
  const value = form.get(name);
  if (value === undefined || value === "") throw invalidRequest(`The ${name} parameter is missing`);
  return value;
}

/** The `employer` parameter, if sent: it must be an employer this person can act for. */
function employerParam(form: Map<string, string>, user: SeedUser): string | undefined {
  const employer = form.get("employer");
  if (employer === undefined) return undefined;
  if (!user.employerIds.includes(employer)) {
    throw invalidRequest(
      "The employer parameter is not an employer this user can act for; list valid values with the userinfo endpoint",
    );
  }
  return employer;
}

function liveGrant(rt: OAuthRuntime, grantId: string): { grant: Grant; user: SeedUser } {
  const grant = rt.store.grants.get(grantId);
  if (!grant || grant.revokedAt !== null) throw invalidGrant("the authorization was revoked");
  const user = rt.store.users.get(grant.userId);
  if (!user) throw invalidGrant("the user no longer exists");
  return { grant, user };
}

export async function authorizationCodeGrant(
  rt: OAuthRuntime,
  client: OAuthClient,
  form: Map<string, string>,
): Promise<GrantResult> {
  const code = required(form, "code");
  const redirectUri = required(form, "redirect_uri");
  const verifier = form.get("code_verifier");
  const now = rt.context.clock.now();
  const record = rt.store.codes.get(hashSecret(code));
  if (!record) throw invalidGrant("unknown authorization code");
  if (record.clientId !== client.id) throw invalidGrant("the code was issued to another client");
  if (record.usedAt !== null) {
    // RFC 6749 §4.1.2: a code presented twice may be stolen; everything issued from it goes.
    const grant = rt.store.grants.get(record.grantId);
    if (grant) rt.store.revokeGrant(grant, now, "authorization code used twice");
    rt.context.markDirty();
    throw invalidGrant(
      "authorization code used twice; its tokens are revoked",
      "revoked-grant-on-reuse",
    );
  }
  if (now >= record.expiresAt) throw invalidGrant("authorization code expired (10 minutes)");
  if (redirectUri !== record.redirectUri)
    throw invalidGrant("redirect_uri differs from the authorize request");
  if (record.codeChallenge !== null) {
    if (verifier === undefined) throw invalidRequest("The code_verifier parameter is missing");
    if (!VERIFIER.test(verifier))
      throw invalidRequest("The code_verifier parameter is not a valid PKCE verifier");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    if (challenge !== record.codeChallenge)
      throw invalidGrant("PKCE code_verifier does not match the code_challenge");
  } else if (verifier !== undefined) {
    // A verifier without a challenge is a PKCE downgrade attempt (RFC 9700 §2.1.1).
    throw invalidGrant("code_verifier sent but the authorize request had no code_challenge");
  }
  const { grant, user } = liveGrant(rt, record.grantId);
  const employerId = employerParam(form, user) ?? record.employerId;
  record.usedAt = now;
  // Indeed: after a new authorization by the same person, the app's older refresh tokens for
  // them stop working (the app must store the newest). Their access tokens run out normally.
  for (const [hash, token] of rt.store.refreshTokens) {
    const owner = rt.store.grants.get(token.grantId);
    if (
      owner &&
      owner.id !== grant.id &&
      owner.clientId === client.id &&
      owner.userId === user.id
    ) {
      rt.store.refreshTokens.delete(hash);
    }
  }
  const body = await rt.tokens.issueForGrant(grant, {
    employerId,
    refresh: { kind: grant.scopes.includes("offline_access") ? "new" : "none" },
    nonce: record.nonce,
  });
  return { body, grantId: grant.id };
}

export async function refreshTokenGrant(
  rt: OAuthRuntime,
  client: OAuthClient,
  form: Map<string, string>,
): Promise<GrantResult> {
  const presented = required(form, "refresh_token");
  const now = rt.context.clock.now();
  const { settings } = rt.store;
  const record = rt.store.refreshTokens.get(hashSecret(presented));
  if (!record) throw invalidGrant("unknown refresh token");
  if (record.clientId !== client.id)
    throw invalidGrant("the refresh token was issued to another client");
  const { grant, user } = liveGrant(rt, record.grantId);
  if (now >= record.expiresAt)
    throw invalidGrant("refresh token expired (60 days after issue or last use)");
  if (record.rotatedAt !== null) {
    const inGrace =
      settings.rotation === "grace" && now < record.rotatedAt + settings.graceSeconds * 1000;
    if (!inGrace) {
      // A replaced token coming back means two parties hold it: end the whole grant.
      rt.store.revokeGrant(grant, now, "a rotated refresh token was used again");
      rt.context.markDirty();
      throw invalidGrant(
        "rotated refresh token used again; the grant is revoked",
        "revoked-grant-on-reuse",
      );
    }
  }

  const requested = form.get("scope");
  const scopes = requested === undefined ? undefined : splitScopes(requested);
  if (scopes && (scopes.length === 0 || scopes.some((s) => !grant.scopes.includes(s)))) {
    throw new OAuthError(
      "invalid_scope",
      "The scope parameter asks for more than the user granted",
    );
  }

  // Indeed's notes: send `employer` on every refresh, or the new token represents no employer.
  const employerId =
    employerParam(form, user) ??
    (settings.refreshWithoutEmployer === "keep" ? grant.employerId : null);

  record.lastUsedAt = now;
  if (settings.rotation === "reuse") {
    record.expiresAt = now + REFRESH_LIFETIME_MS;
    const body = await rt.tokens.issueForGrant(grant, {
      employerId,
      scopes,
      refresh: { kind: "same", token: presented },
    });
    return { body, grantId: grant.id };
  }
  record.rotatedAt ??= now;
  const body = await rt.tokens.issueForGrant(grant, {
    employerId,
    scopes,
    refresh: { kind: "new" },
  });
  return { body, grantId: grant.id };
}

export async function clientCredentialsGrant(
  rt: OAuthRuntime,
  client: OAuthClient,
  form: Map<string, string>,
): Promise<GrantResult> {
  const requested = form.get("scope");
  const scopes = requested === undefined ? ["employer_access"] : splitScopes(requested);
  if (scopes.length === 0 || scopes.some((s) => !APP_SCOPES.some((allowed) => allowed === s))) {
    throw new OAuthError(
      "invalid_scope",
      `An app token can carry only these scopes: ${APP_SCOPES.join(", ")}`,
    );
  }
  const employer = form.get("employer");
  if (employer !== undefined && !client.employerIds.includes(employer)) {
    throw invalidRequest(
      "The employer parameter is not an employer this app can act for; list valid values with the appinfo endpoint",
    );
  }
  return { body: await rt.tokens.issueAppToken(client, scopes, employer ?? null) };
}
