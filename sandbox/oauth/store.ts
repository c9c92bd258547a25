import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { SandboxEmployer, SandboxUser } from "./api";
import {
  generateSigningKey,
  type RetiredSigningKey,
  retiredKeySchema,
  signingKeySchema,
  type StoredSigningKey,
} from "./keys";

export const GRANT_TYPES = ["authorization_code", "refresh_token", "client_credentials"] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

const id = z.string().min(1).max(200);

/** One of a client's secrets; during a rotation a client has two (the guide's "add a secret"). */
const clientSecretSchema = z.object({ id, value: z.string().min(1), createdAt: z.number() });
export type ClientSecret = z.infer<typeof clientSecretSchema>;
/** The most secrets a client holds at once: the original and its replacement. */
export const MAX_CLIENT_SECRETS = 2;

const clientFields = z.object({
  id,
  /** The seed's single secret; state files keep `secrets` instead. */
  secret: z.string().min(1).optional(),
  secrets: z.array(clientSecretSchema).min(1).max(MAX_CLIENT_SECRETS).optional(),
  name: z.string(),
  redirectUris: z.array(z.url()).max(5),
  grantTypes: z.array(z.enum(GRANT_TYPES)),
  /** The employers the app itself may act for (client credentials, appinfo). */
  employerIds: z.array(id),
});
const clientSchema = clientFields
  .refine((c) => c.secret !== undefined || c.secrets !== undefined, "a client needs a secret")
  .transform(({ secret, secrets, ...rest }) => ({
    ...rest,
    secrets: secrets ?? [{ id: "original", value: secret!, createdAt: 0 }],
  }));
export type OAuthClient = z.infer<typeof clientSchema>;

const employerSchema = z.object({ id, name: z.string(), advertiserId: z.string() });
const userSchema = z.object({
  id,
  name: z.string(),
  email: z.email(),
  emailVerified: z.boolean().default(true),
  employerIds: z.array(id),
});
export type SeedUser = z.infer<typeof userSchema>;

export const seedSchema = z.object({
  clients: z.array(clientSchema).min(1),
  employers: z.array(employerSchema),
  users: z.array(userSchema).min(1),
});
export type OAuthSeed = z.infer<typeof seedSchema>;

/** One authorization a user gave a client; every code and token hangs off one grant. */
const grantSchema = z.object({
  id,
  clientId: id,
  userId: id,
  /** The employer of the newest token issued under this grant. */
  employerId: id.nullable(),
  scopes: z.array(z.string()),
  createdAt: z.number(),
  revokedAt: z.number().nullable(),
  revokedReason: z.string().nullable(),
});
export type Grant = z.infer<typeof grantSchema>;

const codeSchema = z.object({
  grantId: id,
  clientId: id,
  redirectUri: z.string(),
  codeChallenge: z.string().nullable(),
  nonce: z.string().nullable(),
  employerId: id.nullable(),
  expiresAt: z.number(),
  usedAt: z.number().nullable(),
});
export type CodeRecord = z.infer<typeof codeSchema>;

const refreshSchema = z.object({
  grantId: id,
  clientId: id,
  issuedAt: z.number(),
  lastUsedAt: z.number().nullable(),
  expiresAt: z.number(),
  /** Set when a newer token replaced this one; presenting it again is reuse. */
  rotatedAt: z.number().nullable(),
});
export type RefreshRecord = z.infer<typeof refreshSchema>;

const accessSchema = z.object({
  grantId: id.nullable(),
  clientId: id,
  expiresAt: z.number(),
  revokedAt: z.number().nullable(),
});
export type AccessRecord = z.infer<typeof accessSchema>;

const sessionSchema = z.object({ userId: id.nullable(), createdAt: z.number() });
export type BrowserSession = z.infer<typeof sessionSchema>;

/** An authorize request waiting for the person to choose an account, employer and consent. */
const pendingSchema = z.object({
  id,
  sessionId: id,
  csrf: z.string(),
  clientId: id,
  redirectUri: z.string(),
  scopes: z.array(z.string()),
  state: z.string().nullable(),
  nonce: z.string().nullable(),
  codeChallenge: z.string().nullable(),
  selectEmployer: z.boolean(),
  userId: id.nullable(),
  employerChosen: z.boolean(),
  employerId: id.nullable(),
  createdAt: z.number(),
});
export type PendingAuthorization = z.infer<typeof pendingSchema>;

export const ROTATION_MODES = ["rotate", "reuse", "grace"] as const;
export const settingsSchema = z.object({
  /** rotate: a refresh returns a new refresh token; reuse: the same one; grace: rotate, but
   * the replaced token still works for `graceSeconds`. */
  rotation: z.enum(ROTATION_MODES),
  graceSeconds: z.number().int().min(0).max(86_400),
  /** What a refresh without `employer` does: drop the employer (what Indeed's notes say) or keep it. */
  refreshWithoutEmployer: z.enum(["drop", "keep"]),
});
export type OAuthSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: OAuthSettings = {
  rotation: "rotate",
  graceSeconds: 30,
  refreshWithoutEmployer: "drop",
};

const snapshotSchema = z.object({
  version: z.literal(1),
  signingKey: signingKeySchema,
  /** Absent in state files written before key rotation existed. */
  retiredKeys: z.array(retiredKeySchema).default([]),
  settings: settingsSchema,
  clients: z.array(clientSchema),
  employers: z.array(employerSchema),
  users: z.array(userSchema),
  grants: z.record(z.string(), grantSchema),
  codes: z.record(z.string(), codeSchema),
  refreshTokens: z.record(z.string(), refreshSchema),
  accessTokens: z.record(z.string(), accessSchema),
  sessions: z.record(z.string(), sessionSchema),
  pending: z.record(z.string(), pendingSchema),
});
export type OAuthSnapshot = z.infer<typeof snapshotSchema>;

const SEED_URL = new URL("../seed/oauth.json", import.meta.url);

export function readSeed(): OAuthSeed {
  return seedSchema.parse(JSON.parse(readFileSync(SEED_URL, "utf8")));
}

// Bounds so a script hammering the authorize page cannot grow the state without limit.
const MAX_SESSIONS = 2_000;
const MAX_PENDING = 2_000;

/**
 * The OAuth half's whole state, in Maps (never plain objects: keys can come from requests).
 * Codes and refresh tokens are keyed by the SHA-256 of the secret, never the secret itself.
 */
export class OAuthStore {
  signingKey = generateSigningKey();
  /** Keys replaced by a rotation whose tokens may still be in use, oldest first. */
  retiredKeys: RetiredSigningKey[] = [];
  settings: OAuthSettings = { ...DEFAULT_SETTINGS };
  clients = new Map<string, OAuthClient>();
  employers = new Map<string, SandboxEmployer>();
  users = new Map<string, SeedUser>();
  grants = new Map<string, Grant>();
  codes = new Map<string, CodeRecord>();
  refreshTokens = new Map<string, RefreshRecord>();
  accessTokens = new Map<string, AccessRecord>();
  sessions = new Map<string, BrowserSession>();
  pending = new Map<string, PendingAuthorization>();
  /** Virtual time of the last expiry sweep (`prune`). */
  private lastSweepAt = Number.NEGATIVE_INFINITY;

  /**
   * Back to the seed. The signing key survives, so apps' cached JWKS stay valid; retired keys
   * go, since a reset invalidates every token they signed.
   */
  seed(seed: OAuthSeed): void {
    this.retiredKeys = [];
    this.settings = { ...DEFAULT_SETTINGS };
    this.clients = new Map(seed.clients.map((c) => [c.id, c]));
    this.employers = new Map(seed.employers.map((e) => [e.id, e]));
    this.users = new Map(seed.users.map((u) => [u.id, u]));
    for (const map of [
      this.grants,
      this.codes,
      this.refreshTokens,
      this.accessTokens,
      this.sessions,
      this.pending,
    ]) {
      map.clear();
    }
  }

  /** Restores a snapshot; false when it is not one this version understands. */
  restore(value: unknown): boolean {
    const parsed = snapshotSchema.safeParse(value);
    if (!parsed.success) return false;
    const s = parsed.data;
    this.signingKey = s.signingKey;
    this.retiredKeys = s.retiredKeys;
    this.settings = s.settings;
    this.clients = new Map(s.clients.map((c) => [c.id, c]));
    this.employers = new Map(s.employers.map((e) => [e.id, e]));
    this.users = new Map(s.users.map((u) => [u.id, u]));
    this.grants = new Map(Object.entries(s.grants));
    this.codes = new Map(Object.entries(s.codes));
    this.refreshTokens = new Map(Object.entries(s.refreshTokens));
    this.accessTokens = new Map(Object.entries(s.accessTokens));
    this.sessions = new Map(Object.entries(s.sessions));
    this.pending = new Map(Object.entries(s.pending));
    return true;
  }

  snapshot(): OAuthSnapshot {
    return {
      version: 1,
      signingKey: this.signingKey,
      retiredKeys: this.retiredKeys,
      settings: this.settings,
      clients: [...this.clients.values()],
      employers: [...this.employers.values()],
      users: [...this.users.values()],
      grants: Object.fromEntries(this.grants),
      codes: Object.fromEntries(this.codes),
      refreshTokens: Object.fromEntries(this.refreshTokens),
      accessTokens: Object.fromEntries(this.accessTokens),
      sessions: Object.fromEntries(this.sessions),
      pending: Object.fromEntries(this.pending),
    };
  }

  /**
   * A new signing key takes over; the previous one stays published until `publishedUntil`
   * so tokens it signed keep verifying.
   */
  rotateSigningKey(publishedUntil: number): {
    current: StoredSigningKey;
    retired: RetiredSigningKey;
  } {
    const retired = { key: this.signingKey, publishedUntil };
    this.retiredKeys.push(retired);
    this.signingKey = generateSigningKey();
    return { current: this.signingKey, retired };
  }

  /** The keys a token may be signed with at `now`: the current one, then the retired ones still published. */
  verificationKeys(now: number): StoredSigningKey[] {
    return [
      this.signingKey,
      ...this.retiredKeys.filter((r) => r.publishedUntil > now).map((r) => r.key),
    ];
  }

  publicUser(user: SeedUser): SandboxUser {
    return { id: user.id, email: user.email, name: user.name, employerIds: [...user.employerIds] };
  }

  userEmployers(user: SeedUser): SandboxEmployer[] {
    return user.employerIds.flatMap((employerId) => {
      const employer = this.employers.get(employerId);
      return employer ? [employer] : [];
    });
  }

  addGrant(
    fields: Pick<Grant, "clientId" | "userId" | "employerId" | "scopes">,
    now: number,
  ): Grant {
    const grant: Grant = {
      id: `grant-${randomUUID()}`,
      ...fields,
      createdAt: now,
      revokedAt: null,
      revokedReason: null,
    };
    this.grants.set(grant.id, grant);
    return grant;
  }

  revokeGrant(grant: Grant, now: number, reason: string): void {
    if (grant.revokedAt !== null) return;
    grant.revokedAt = now;
    grant.revokedReason = reason;
  }

  /**
   * Drops records that can no longer matter (expired long enough ago), bounding the state. It
   * runs on every token issue, so the sweep over every record happens at most once a minute.
   */
  prune(now: number): void {
    trimOldest(this.pending, MAX_PENDING);
    trimOldest(this.sessions, MAX_SESSIONS);
    if (now - this.lastSweepAt < 60_000 && now >= this.lastSweepAt) return;
    this.lastSweepAt = now;
    const day = 86_400_000;
    for (const [key, code] of this.codes) if (code.expiresAt + day < now) this.codes.delete(key);
    for (const [key, token] of this.accessTokens)
      if (token.expiresAt + day < now) this.accessTokens.delete(key);
    for (const [key, token] of this.refreshTokens)
      if (token.expiresAt + day < now) this.refreshTokens.delete(key);
    for (const [key, request] of this.pending)
      if (request.createdAt + day < now) this.pending.delete(key);
    this.retiredKeys = this.retiredKeys.filter((r) => r.publishedUntil > now);
  }
}

function trimOldest<V>(map: Map<string, V>, max: number): void {
  // Maps iterate in insertion order, so the first keys are the oldest.
  for (const key of map.keys()) {
    if (map.size <= max) return;
    map.delete(key);
  }
}
