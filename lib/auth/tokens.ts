import "server-only";
import { randomUUID } from "node:crypto";
import { eq, isNotNull, or } from "drizzle-orm";
import { config } from "@/lib/config";
import { db as processDb, type Database, type Transaction } from "@/lib/db/client";
import { indeedConnections, users } from "@/lib/db/schema";
import {
  oauthSettings,
  refreshGrant,
  revokeToken,
  type IndeedIdentity,
  type IndeedOAuthSettings,
  type IndeedTokenResponse,
} from "./indeed-oauth";
import { sessionCache } from "./load-session";
import { ConnectionCache, SESSION_CACHE_TTL_MS } from "./session-cache";
import {
  decryptToken,
  encryptToken,
  SINGLE_TOKEN_KEY_ID,
  TokenDecryptionError,
  tokenKeyId,
  type TokenKeyring,
  type TokenPurpose,
} from "./token-crypto";

/**
 * The token service: the only code that reads, writes or refreshes Indeed tokens.
 *
 * - An access token is refreshed when it has less than a minute left, or when Indeed answered
 *   UNAUTHENTICATED to it (the caller passes it back as `rejected`; at most once per call).
 * - One refresh at a time per connection: in this process, callers share one in-flight refresh;
 *   across processes, the refresh runs inside a transaction holding `SELECT ... FOR UPDATE` on
 *   the connection row, re-reads the row once it has the lock, and uses the token another
 *   process stored meanwhile instead of refreshing again. The new refresh token is written in
 *   the same transaction.
 * - `invalid_grant` → the connection needs reconnecting (status `needs_reauth`, tokens erased);
 *   5xx, 429, timeouts, network errors → nothing changes and the caller hears "Indeed
 *   unavailable"; the refresh token is kept.
 * - Refreshes go through openid-client (lib/auth/indeed-oauth.ts), sending `employer` again.
 *   When a refresh returns an ID token, openid-client verifies it like the one at sign-in
 *   (signature against the JWKS, `iss`, `aud`, `exp`, `iat`) and it must name the person stored
 *   for the connection (`iss`, `sub`); a token that fails, or names someone else, ends the
 *   connection like `invalid_grant` and the new tokens are not stored. Keys Indeed cannot serve
 *   right now → "Indeed unavailable".
 * - A usable access token may be reused for `cacheMs` without reading and decrypting the row
 *   again (the process's service: SESSION_CACHE_TTL_MS, ADR 0051). Every change this service
 *   makes to a connection (refresh, switch, reconnect, needs_reauth, disconnect) forgets it,
 *   and the process's cached sessions of it, at once; refreshes still happen under the lock.
 * - Tokens are encrypted under the keyring's current key; older keys still decrypt (their id is
 *   in each stored value) until `rotateKeys` re-encrypts everything. A ciphertext that does not
 *   decrypt (unknown or wrong key, moved row) is treated like `invalid_grant` for that connection
 *   alone.
 */

export type TokenErrorCode =
  "RECONNECT_REQUIRED" | "INDEED_UNAVAILABLE" | "FORBIDDEN" | "NOT_SIGNED_IN";

export class TokenServiceError extends Error {
  constructor(
    readonly code: TokenErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "TokenServiceError";
  }
}

/** Refresh this long before the access token's expiry. */
export const REFRESH_AHEAD_MS = 60_000;
/** Indeed's refresh tokens live 60 days after issue or last use. */
export const REFRESH_TOKEN_LIFETIME_MS = 60 * 86_400_000;
/** The UI warns when the refresh token has less than this left. */
export const REFRESH_TOKEN_WARNING_MS = 7 * 86_400_000;
const DEFAULT_ACCESS_SECONDS = 3600;

export interface TokenServiceDeps {
  db: Database;
  /** The keyring (current key first), or a single key, which is the keyring `default:<key>`. */
  key: Buffer | TokenKeyring;
  oauth: IndeedOAuthSettings;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
  /** Log lines carry this tag, never a token. */
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** How long a usable access token is reused without a database read; 0 (default): never. */
  cacheMs?: number;
}

type RefreshOutcome =
  | { kind: "token"; accessToken: string; refreshed: boolean }
  | { kind: "reauth"; reason: string }
  | { kind: "unavailable"; retryAfterSeconds?: number }
  | { kind: "forbidden" }
  | { kind: "gone" };

export interface NewConnection {
  userId: string;
  employerId: string;
  tokens: IndeedTokenResponse;
}

export interface KeyRotationReport {
  /** Connections whose tokens are now under the current key. */
  reencrypted: number;
  /** Connections whose tokens were already under it. */
  alreadyCurrent: number;
  /** Connections whose tokens did not decrypt: marked needs_reauth, tokens erased. */
  reconnect: string[];
}

export type TokenService = ReturnType<typeof createTokenService>;

export function createTokenService(deps: TokenServiceDeps) {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((message, fields) => console.info(`[tokens] ${message}`, fields ?? {}));
  const inflight = new Map<string, Promise<RefreshOutcome>>();
  const recent = new ConnectionCache<{ access: string; expiresAt: number }>(deps.cacheMs ?? 0);
  /** After a change to the connection is committed: no cached token or session outlives it. */
  function forget(connectionId: string) {
    recent.forgetConnection(connectionId);
    sessionCache().forgetConnection(connectionId);
  }
  const keys: TokenKeyring = Buffer.isBuffer(deps.key)
    ? [{ id: SINGLE_TOKEN_KEY_ID, key: deps.key }]
    : deps.key;
  const encrypt = (plaintext: string, rowId: string, purpose: TokenPurpose) =>
    encryptToken(plaintext, keys, rowId, purpose);

  function decrypt(row: typeof indeedConnections.$inferSelect) {
    return {
      access: row.accessTokenCiphertext
        ? decryptToken(row.accessTokenCiphertext, keys, row.id, "access_token")
        : null,
      refresh: row.refreshTokenCiphertext
        ? decryptToken(row.refreshTokenCiphertext, keys, row.id, "refresh_token")
        : null,
    };
  }

  /** Is the person a refresh's ID token names the one who connected? */
  async function sameIdentity(
    tx: Transaction,
    userId: string,
    identity: IndeedIdentity,
  ): Promise<boolean> {
    const [stored] = await tx
      .select({ issuer: users.issuer, subject: users.subject })
      .from(users)
      .where(eq(users.id, userId));
    return stored?.issuer === identity.issuer && stored.subject === identity.subject;
  }

  function usable(
    row: typeof indeedConnections.$inferSelect,
    access: string | null,
    rejected?: string,
  ) {
    return (
      access !== null &&
      access !== rejected &&
      row.accessTokenExpiresAt !== null &&
      row.accessTokenExpiresAt.getTime() - now() > REFRESH_AHEAD_MS
    );
  }

  function toError(outcome: Exclude<RefreshOutcome, { kind: "token" }>): TokenServiceError {
    switch (outcome.kind) {
      case "reauth":
        return new TokenServiceError("RECONNECT_REQUIRED", "Reconnect to Indeed to continue");
      case "gone":
        return new TokenServiceError("NOT_SIGNED_IN", "This Indeed connection no longer exists");
      case "forbidden":
        return new TokenServiceError(
          "FORBIDDEN",
          "Indeed does not let this account act for that employer",
        );
      case "unavailable":
        return new TokenServiceError(
          "INDEED_UNAVAILABLE",
          "Indeed is unavailable right now; try again in a moment",
          outcome.retryAfterSeconds,
        );
    }
  }

  /** The locked part: re-read under `FOR UPDATE`, refresh if still needed, store the result. */
  async function refreshUnderLock(
    connectionId: string,
    options: { rejected?: string; employerId?: string },
  ): Promise<RefreshOutcome> {
    const outcome = await refreshInTransaction(connectionId, options);
    const unchanged =
      (outcome.kind === "token" && !outcome.refreshed) || outcome.kind === "unavailable";
    if (!unchanged) forget(connectionId);
    return outcome;
  }

  function refreshInTransaction(
    connectionId: string,
    options: { rejected?: string; employerId?: string },
  ): Promise<RefreshOutcome> {
    return deps.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(indeedConnections)
        .where(eq(indeedConnections.id, connectionId))
        .for("update");
      if (!row) return { kind: "gone" } as const;
      if (row.status === "needs_reauth")
        return { kind: "reauth", reason: "already needs reauth" } as const;

      let tokens: { access: string | null; refresh: string | null };
      try {
        tokens = decrypt(row);
      } catch (error) {
        if (!(error instanceof TokenDecryptionError)) throw error;
        await markNeedsReauth(tx, connectionId);
        log("stored tokens do not decrypt; connection needs reauth", { connectionId });
        return { kind: "reauth", reason: "undecryptable" } as const;
      }

      const switching = options.employerId !== undefined && options.employerId !== row.employerId;
      // Another request (or process) refreshed while this one waited for the lock.
      if (!switching && usable(row, tokens.access, options.rejected)) {
        return { kind: "token", accessToken: tokens.access!, refreshed: false } as const;
      }
      if (!tokens.refresh) {
        await markNeedsReauth(tx, connectionId);
        return { kind: "reauth", reason: "no refresh token" } as const;
      }

      const employerId = options.employerId ?? row.employerId ?? undefined;
      const result = await refreshGrant(tokens.refresh, employerId, deps.oauth);
      if (!result.ok) {
        const { failure } = result;
        if (failure.kind === "unavailable") {
          log("refresh failed: Indeed unavailable", { connectionId, status: failure.status });
          return { kind: "unavailable", retryAfterSeconds: failure.retryAfterSeconds } as const;
        }
        if (failure.kind === "oauth_error" && failure.error === "invalid_grant") {
          await markNeedsReauth(tx, connectionId);
          log("refresh refused (invalid_grant); connection needs reauth", { connectionId });
          return { kind: "reauth", reason: "invalid_grant" } as const;
        }
        if (failure.kind === "id_token_invalid") {
          await markNeedsReauth(tx, connectionId);
          log("refresh returned an ID token that is invalid", { connectionId });
          return { kind: "reauth", reason: "id_token invalid" } as const;
        }
        log("refresh refused", {
          connectionId,
          error: failure.kind === "oauth_error" ? failure.error : failure.kind,
          status: failure.kind === "oauth_error" ? failure.status : undefined,
        });
        if (switching) return { kind: "forbidden" } as const;
        return { kind: "unavailable" } as const;
      }

      const issued = result.tokens;
      if (result.identity && !(await sameIdentity(tx, row.userId, result.identity))) {
        await markNeedsReauth(tx, connectionId);
        log("refresh returned an ID token that names someone else", { connectionId });
        return { kind: "reauth", reason: "id_token changed" } as const;
      }
      const at = now();
      await tx
        .update(indeedConnections)
        .set({
          accessTokenCiphertext: encrypt(issued.access_token, connectionId, "access_token"),
          accessTokenExpiresAt: new Date(at + (issued.expires_in ?? DEFAULT_ACCESS_SECONDS) * 1000),
          // Keep the refresh token when Indeed does not rotate it; store the successor when it does.
          refreshTokenCiphertext: encrypt(
            issued.refresh_token ?? tokens.refresh,
            connectionId,
            "refresh_token",
          ),
          refreshTokenExpiresAt: new Date(at + REFRESH_TOKEN_LIFETIME_MS),
          scope: issued.scope ?? row.scope,
          employerId: employerId ?? row.employerId,
          status: "active",
          updatedAt: new Date(at),
        })
        .where(eq(indeedConnections.id, connectionId));
      log("refreshed", { connectionId, rotated: issued.refresh_token !== undefined, switching });
      return { kind: "token", accessToken: issued.access_token, refreshed: true } as const;
    });
  }

  /** One refresh per connection at a time in this process; the lock handles the others. */
  function sharedRefresh(
    connectionId: string,
    options: { rejected?: string },
  ): Promise<RefreshOutcome> {
    const running = inflight.get(connectionId);
    if (running) return running;
    const started = refreshUnderLock(connectionId, options).finally(() =>
      inflight.delete(connectionId),
    );
    inflight.set(connectionId, started);
    return started;
  }

  /** Reads (and if due, refreshes) the connection's access token: getAccessToken's miss. */
  async function readAccessToken(
    connectionId: string,
    options: { rejected?: string },
  ): Promise<string> {
    const generation = recent.generation();
    const [row] = await deps.db
      .select()
      .from(indeedConnections)
      .where(eq(indeedConnections.id, connectionId));
    if (!row) throw toError({ kind: "gone" });
    if (row.status === "needs_reauth") throw toError({ kind: "reauth", reason: "status" });
    try {
      const { access } = decrypt(row);
      if (usable(row, access, options.rejected)) {
        recent.set(
          connectionId,
          { access: access!, expiresAt: row.accessTokenExpiresAt!.getTime() },
          {
            connectionId,
            now: now(),
            generation,
            // Never past the moment it is due for a refresh.
            notAfter: row.accessTokenExpiresAt!.getTime() - REFRESH_AHEAD_MS,
          },
        );
        return access!;
      }
    } catch (error) {
      if (!(error instanceof TokenDecryptionError)) throw error;
      // Fall through: the locked path marks the connection and reports it.
    }
    let outcome = await sharedRefresh(connectionId, options);
    // Joined someone else's refresh whose result is the very token this caller saw rejected.
    if (outcome.kind === "token" && outcome.accessToken === options.rejected) {
      outcome = await refreshUnderLock(connectionId, options);
    }
    if (outcome.kind === "token") return outcome.accessToken;
    throw toError(outcome);
  }

  return {
    /**
     * A valid access token for the connection. Pass `rejected` with the token Indeed has just
     * answered UNAUTHENTICATED to: it is then refreshed (once) unless someone already did.
     */
    async getAccessToken(
      connectionId: string,
      options: { rejected?: string } = {},
    ): Promise<string> {
      const cached = recent.get(connectionId, now());
      if (cached && cached.access !== options.rejected) return cached.access;
      // Requests that miss together share one read; a caller with a rejected token reads alone.
      if (options.rejected) return readAccessToken(connectionId, options);
      return recent.loadOnce(connectionId, () => readAccessToken(connectionId, options));
    },

    /** Switches the connection to another employer: a refresh with that `employer`. */
    async switchEmployer(connectionId: string, employerId: string): Promise<void> {
      const running = inflight.get(connectionId);
      if (running) await running.catch(() => undefined);
      const outcome = await refreshUnderLock(connectionId, { employerId });
      if (outcome.kind !== "token") throw toError(outcome);
    },

    /**
     * Stores a fresh grant from sign-in, inside the caller's transaction. A user has one
     * connection (Indeed keeps one live refresh token per person and app: a new authorization
     * ends the older ones), so a second sign-in replaces the tokens and employer of the
     * existing row. Returns the row id and the refresh token it replaced, for revocation.
     */
    async saveGrant(
      tx: Transaction,
      connection: NewConnection,
    ): Promise<{ connectionId: string; replacedRefreshToken: string | null }> {
      const at = now();
      const { tokens } = connection;
      const existing = await tx
        .select()
        .from(indeedConnections)
        .where(eq(indeedConnections.userId, connection.userId))
        .orderBy(indeedConnections.createdAt)
        .for("update");
      const [keep, ...extra] = existing;
      for (const row of extra)
        await tx.delete(indeedConnections).where(eq(indeedConnections.id, row.id));
      const id = keep?.id ?? randomUUID();
      let replacedRefreshToken: string | null = null;
      if (keep) {
        try {
          replacedRefreshToken = decrypt(keep).refresh;
        } catch {
          replacedRefreshToken = null;
        }
      }
      const values = {
        employerId: connection.employerId,
        scope: tokens.scope ?? "",
        accessTokenCiphertext: encrypt(tokens.access_token, id, "access_token"),
        accessTokenExpiresAt: new Date(at + (tokens.expires_in ?? DEFAULT_ACCESS_SECONDS) * 1000),
        refreshTokenCiphertext: tokens.refresh_token
          ? encrypt(tokens.refresh_token, id, "refresh_token")
          : null,
        refreshTokenExpiresAt: tokens.refresh_token
          ? new Date(at + REFRESH_TOKEN_LIFETIME_MS)
          : null,
        status: "active" as const,
        updatedAt: new Date(at),
      };
      if (keep) await tx.update(indeedConnections).set(values).where(eq(indeedConnections.id, id));
      else await tx.insert(indeedConnections).values({ id, userId: connection.userId, ...values });
      // Inside the caller's transaction: a read before its commit may still cache the old row
      // for the cache's few seconds (the new session has a new cookie, so a new key).
      forget(id);
      return {
        connectionId: id,
        replacedRefreshToken:
          replacedRefreshToken === tokens.refresh_token ? null : replacedRefreshToken,
      };
    },

    /**
     * Re-encrypts every stored token under the current key (`npm run keys:rotate`), one row
     * lock at a time: a refresh running meanwhile waits for the row, then reads it under the
     * new key. A row that does not decrypt is marked for reconnecting; the others go on.
     */
    async rotateKeys(): Promise<KeyRotationReport> {
      const report: KeyRotationReport = { reencrypted: 0, alreadyCurrent: 0, reconnect: [] };
      const current = keys[0].id;
      const stored = await deps.db
        .select({ id: indeedConnections.id })
        .from(indeedConnections)
        .where(
          or(
            isNotNull(indeedConnections.accessTokenCiphertext),
            isNotNull(indeedConnections.refreshTokenCiphertext),
          ),
        );
      for (const { id } of stored) {
        await deps.db.transaction(async (tx) => {
          const [row] = await tx
            .select()
            .from(indeedConnections)
            .where(eq(indeedConnections.id, id))
            .for("update");
          if (!row || (!row.accessTokenCiphertext && !row.refreshTokenCiphertext)) return;
          let tokens: { access: string | null; refresh: string | null };
          try {
            tokens = decrypt(row);
          } catch (error) {
            if (!(error instanceof TokenDecryptionError)) throw error;
            await markNeedsReauth(tx, id);
            report.reconnect.push(id);
            log("stored tokens do not decrypt; connection needs reauth", { connectionId: id });
            return;
          }
          const ciphertexts = [row.accessTokenCiphertext, row.refreshTokenCiphertext];
          if (ciphertexts.every((value) => value === null || tokenKeyId(value) === current)) {
            report.alreadyCurrent += 1;
            return;
          }
          await tx
            .update(indeedConnections)
            .set({
              accessTokenCiphertext: tokens.access && encrypt(tokens.access, id, "access_token"),
              refreshTokenCiphertext:
                tokens.refresh && encrypt(tokens.refresh, id, "refresh_token"),
            })
            .where(eq(indeedConnections.id, id));
          report.reencrypted += 1;
        });
        if (report.reconnect.includes(id)) forget(id);
      }
      return report;
    },

    /** Revokes a refresh token that is no longer stored anywhere (best effort). */
    async revokeRefreshToken(token: string): Promise<boolean> {
      return revokeToken(token, "refresh_token", deps.oauth);
    },

    /**
     * Deletes the connection (its sessions go with it) and then revokes its tokens at Indeed.
     * Revocation is best effort: the tokens are gone from Lobby whatever Indeed answers.
     */
    async disconnect(connectionId: string): Promise<{ revoked: boolean }> {
      const tokens = await deps.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(indeedConnections)
          .where(eq(indeedConnections.id, connectionId))
          .for("update");
        if (!row) return null;
        let plain: { access: string | null; refresh: string | null } = {
          access: null,
          refresh: null,
        };
        try {
          plain = decrypt(row);
        } catch {
          // Nothing to revoke that we can read; still delete.
        }
        await tx.delete(indeedConnections).where(eq(indeedConnections.id, connectionId));
        return plain;
      });
      forget(connectionId);
      if (!tokens) return { revoked: false };
      const results = await Promise.all([
        tokens.refresh
          ? revokeToken(tokens.refresh, "refresh_token", deps.oauth)
          : Promise.resolve(false),
        tokens.access
          ? revokeToken(tokens.access, "access_token", deps.oauth)
          : Promise.resolve(false),
      ]);
      return { revoked: results.some(Boolean) };
    },
  };
}

async function markNeedsReauth(tx: Transaction, connectionId: string): Promise<void> {
  await tx
    .update(indeedConnections)
    .set({
      status: "needs_reauth",
      accessTokenCiphertext: null,
      accessTokenExpiresAt: null,
      refreshTokenCiphertext: null,
      refreshTokenExpiresAt: null,
      updatedAt: new Date(),
    })
    .where(eq(indeedConnections.id, connectionId));
}

const globalKey = Symbol.for("lobby.tokenService");
type WithTokenService = typeof globalThis & { [globalKey]?: TokenService };

/** The process's token service (one in-flight map per process, whatever the bundles). */
export function tokenService(): TokenService {
  const holder = globalThis as WithTokenService;
  holder[globalKey] ??= createTokenService({
    db: processDb(),
    key: config().tokenKeys,
    oauth: oauthSettings(),
    cacheMs: SESSION_CACHE_TTL_MS,
  });
  return holder[globalKey];
}
