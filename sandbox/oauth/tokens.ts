import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { type JWTHeaderParameters, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import type { SandboxContext } from "../core/module";
import type { AccessTokenClaims } from "./api";
import { KeyRing, type StoredSigningKey } from "./keys";
import type { Grant, OAuthClient, OAuthStore } from "./store";

export const CODE_LIFETIME_MS = 10 * 60_000;
export const ACCESS_TOKEN_SECONDS = 3600;
export const ID_TOKEN_SECONDS = 3600;
/** Refresh tokens live 60 days after issue or last use. */
export const REFRESH_LIFETIME_MS = 60 * 86_400_000;
/** Longer than any real token: anything bigger is refused before parsing. */
const MAX_TOKEN_LENGTH = 8192;

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
  refresh_token?: string;
  id_token?: string;
}

/** How a token response treats the refresh token. */
export type RefreshPlan = { kind: "none" } | { kind: "new" } | { kind: "same"; token: string };

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Compares a presented secret with the expected one in constant time (whatever their lengths). */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Codes and refresh tokens are stored only as this hash. */
export function hashSecret(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function subjectOf(userId: string): string {
  return `user:${userId}`;
}

const accessPayloadSchema = z.object({
  sub: z.string(),
  azp: z.string(),
  scope: z.string(),
  jti: z.string(),
  exp: z.number(),
  emp: z.string().optional(),
});

/** Signs, records and checks tokens. Every time comes from the virtual clock. */
export class TokenService {
  /** Key objects by kid, built once per stored key (building them parses the JWK). */
  private readonly rings = new Map<string, KeyRing>();

  constructor(
    private readonly store: OAuthStore,
    private readonly context: SandboxContext,
  ) {}

  /** The key that signs new tokens. */
  keys(): KeyRing {
    return this.ringFor(this.store.signingKey);
  }

  /** Every key a valid token may carry, current first: what the JWKS publishes. */
  publishedKeys(): KeyRing[] {
    return this.store
      .verificationKeys(this.context.clock.now())
      .map((stored) => this.ringFor(stored));
  }

  /** Retires the signing key (still published until the tokens it signed have expired) for a new one. */
  rotateKeys(): { kid: string; previousKid: string; previousPublishedUntil: number } {
    const longestTokenMs = Math.max(ACCESS_TOKEN_SECONDS, ID_TOKEN_SECONDS) * 1000;
    const { current, retired } = this.store.rotateSigningKey(
      this.context.clock.now() + longestTokenMs,
    );
    this.context.markDirty();
    return {
      kid: current.kid,
      previousKid: retired.key.kid,
      previousPublishedUntil: retired.publishedUntil,
    };
  }

  private ringFor(stored: StoredSigningKey): KeyRing {
    const cached = this.rings.get(stored.kid);
    // A restore brings new key objects with the same kid only if the state file was edited.
    if (cached?.stored === stored) return cached;
    const ring = new KeyRing(stored);
    this.rings.set(stored.kid, ring);
    return ring;
  }

  /** The audience of access tokens: the sandbox is both the OAuth server and the API host. */
  get audience(): string {
    return this.context.issuer;
  }

  /** Access token, ID token and (per plan) refresh token for a person's grant. */
  async issueForGrant(
    grant: Grant,
    options: {
      employerId: string | null;
      refresh: RefreshPlan;
      nonce?: string | null;
      scopes?: string[];
    },
  ): Promise<TokenResponse> {
    const user = this.store.users.get(grant.userId);
    if (!user) throw new Error(`grant ${grant.id} names a user that does not exist`);
    grant.employerId = options.employerId;
    // A refresh may narrow the access token's scope; the grant itself keeps what was consented.
    const scopes = options.scopes ?? grant.scopes;
    const access = await this.signAccessToken({
      sub: subjectOf(user.id),
      clientId: grant.clientId,
      scopes,
      employerId: options.employerId,
      grantId: grant.id,
    });
    const now = this.context.clock.nowSeconds();
    const employers = this.store.userEmployers(user);
    // The selected employer first, then the user's others, so a reader of `employers[0]` gets it.
    employers.sort(
      (a, b) => Number(b.id === options.employerId) - Number(a.id === options.employerId),
    );
    const withEmail = grant.scopes.includes("email");
    // "The employer is returned as an advertiser ID in the ID token" (the guide): the selected
    // employer's advertiser id as a claim of its own (name reconstructed, ADR 0034).
    const selected = employers.find((e) => e.id === options.employerId);
    const idToken = await new SignJWT({
      name: user.name,
      ...(withEmail ? { email: user.email, email_verified: user.emailVerified } : {}),
      ...(selected ? { advertiser_id: selected.advertiserId } : {}),
      employers: employers.map((e) => ({ id: e.id, name: e.name, advertiserId: e.advertiserId })),
      ...(options.nonce ? { nonce: options.nonce } : {}),
    })
      .setProtectedHeader({ alg: "ES256", kid: this.keys().kid, typ: "JWT" })
      .setIssuer(this.context.issuer)
      .setSubject(subjectOf(user.id))
      .setAudience(grant.clientId)
      .setIssuedAt(now)
      .setExpirationTime(now + ID_TOKEN_SECONDS)
      .sign(this.keys().privateKey);

    const response: TokenResponse = {
      access_token: access,
      token_type: "Bearer",
      expires_in: ACCESS_TOKEN_SECONDS,
      scope: scopes.join(" "),
      id_token: idToken,
    };
    if (options.refresh.kind === "new") response.refresh_token = this.newRefreshToken(grant);
    if (options.refresh.kind === "same") response.refresh_token = options.refresh.token;
    this.context.markDirty();
    return response;
  }

  /** A client-credentials token: the app itself, no person, no refresh token. */
  async issueAppToken(
    client: OAuthClient,
    scopes: string[],
    employerId: string | null,
  ): Promise<TokenResponse> {
    const access = await this.signAccessToken({
      sub: `app:${client.id}`,
      clientId: client.id,
      scopes,
      employerId,
      grantId: null,
    });
    this.context.markDirty();
    return {
      access_token: access,
      token_type: "Bearer",
      expires_in: ACCESS_TOKEN_SECONDS,
      scope: scopes.join(" "),
    };
  }

  newRefreshToken(grant: Grant): string {
    const token = randomSecret();
    const now = this.context.clock.now();
    this.store.refreshTokens.set(hashSecret(token), {
      grantId: grant.id,
      clientId: grant.clientId,
      issuedAt: now,
      lastUsedAt: null,
      expiresAt: now + REFRESH_LIFETIME_MS,
      rotatedAt: null,
    });
    return token;
  }

  private async signAccessToken(claims: {
    sub: string;
    clientId: string;
    scopes: string[];
    employerId: string | null;
    grantId: string | null;
  }): Promise<string> {
    const now = this.context.clock.nowSeconds();
    const jti = randomSecret(16);
    this.store.prune(this.context.clock.now());
    this.store.accessTokens.set(jti, {
      grantId: claims.grantId,
      clientId: claims.clientId,
      expiresAt: (now + ACCESS_TOKEN_SECONDS) * 1000,
      revokedAt: null,
    });
    return new SignJWT({
      azp: claims.clientId,
      scope: claims.scopes.join(" "),
      ...(claims.employerId ? { emp: claims.employerId } : {}),
    })
      .setProtectedHeader({ alg: "ES256", kid: this.keys().kid, typ: "at+jwt" })
      .setIssuer(this.context.issuer)
      .setSubject(claims.sub)
      .setAudience(this.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + ACCESS_TOKEN_SECONDS)
      .setJti(jti)
      .sign(this.keys().privateKey);
  }

  /** Signature, issuer, audience and expiry (virtual clock) checked; then the token's record. */
  private async verifiedPayload(token: string, checkExpiry: boolean) {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    try {
      const keys = this.publishedKeys();
      const keyFor = (header: JWTHeaderParameters) => {
        const ring = keys.find((k) => k.kid === header.kid);
        if (!ring) throw new Error("no published key with this kid");
        return ring.publicKey;
      };
      const { payload } = await jwtVerify(token, keyFor, {
        issuer: this.context.issuer,
        audience: this.audience,
        algorithms: ["ES256"],
        typ: "at+jwt",
        // Past the virtual "now" when expiry should not matter (revoking an expired token).
        currentDate: new Date(checkExpiry ? this.context.clock.now() : 0),
      });
      const parsed = accessPayloadSchema.safeParse(payload);
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async verifyAccessToken(token: string): Promise<AccessTokenClaims | null> {
    const payload = await this.verifiedPayload(token, true);
    if (!payload) return null;
    const record = this.store.accessTokens.get(payload.jti);
    if (!record || record.revokedAt !== null || record.clientId !== payload.azp) return null;
    if (record.grantId !== null) {
      const grant = this.store.grants.get(record.grantId);
      if (!grant || grant.revokedAt !== null || !this.store.users.has(grant.userId)) return null;
    }
    return {
      userId: payload.sub.startsWith("user:") ? payload.sub.slice("user:".length) : "",
      sub: payload.sub,
      clientId: payload.azp,
      scopes: payload.scope.split(" ").filter((s) => s !== ""),
      employerId: payload.emp ?? null,
      grantId: record.grantId,
      expiresAt: payload.exp * 1000,
    };
  }

  /** The jti and client of a genuine access token, expired or not (for revocation). */
  async identifyAccessToken(token: string): Promise<{ jti: string; clientId: string } | null> {
    const payload = await this.verifiedPayload(token, false);
    return payload ? { jti: payload.jti, clientId: payload.azp } : null;
  }
}
