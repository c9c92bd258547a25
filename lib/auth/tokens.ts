import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { config } from "@/lib/config";
import { db as processDb, type Database, type Transaction } from "@/lib/db/client";
import { indeedConnections } from "@/lib/db/schema";
import {
  oauthSettings,
  requestToken,
  revokeToken,
  type IndeedOAuthSettings,
  type IndeedTokenResponse,
} from "./indeed-oauth";
import { decryptToken, encryptToken, TokenDecryptionError } from "./token-crypto";

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
 * - A ciphertext that does not decrypt (wrong key, moved row) is treated like `invalid_grant`.
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
  key: Buffer;
  oauth: IndeedOAuthSettings;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
  /** Log lines carry this tag, never a token. */
  log?: (message: string, fields?: Record<string, unknown>) => void;
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

export type TokenService = ReturnType<typeof createTokenService>;

export function createTokenService(deps: TokenServiceDeps) {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((message, fields) => console.info(`[tokens] ${message}`, fields ?? {}));
  const inflight = new Map<string, Promise<RefreshOutcome>>();

  function decrypt(row: typeof indeedConnections.$inferSelect) {
    return {
      access: row.accessTokenCiphertext
        ? decryptToken(row.accessTokenCiphertext, deps.key, row.id, "access_token")
        : null,
      refresh: row.refreshTokenCiphertext
        ? decryptToken(row.refreshTokenCiphertext, deps.key, row.id, "refresh_token")
        : null,
    };
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
      const result = await requestToken(
        { grant_type: "refresh_token", refresh_token: tokens.refresh, employer: employerId },
        deps.oauth,
      );
      if (!result.ok) {
        if (result.kind === "unavailable") {
          log("refresh failed: Indeed unavailable", { connectionId, status: result.status });
          return { kind: "unavailable", retryAfterSeconds: result.retryAfterSeconds } as const;
        }
        if (result.error === "invalid_grant") {
          await markNeedsReauth(tx, connectionId);
          log("refresh refused (invalid_grant); connection needs reauth", { connectionId });
          return { kind: "reauth", reason: "invalid_grant" } as const;
        }
        log("refresh refused", { connectionId, error: result.error, status: result.status });
        if (switching) return { kind: "forbidden" } as const;
        return { kind: "unavailable" } as const;
      }

      const issued = result.tokens;
      const at = now();
      await tx
        .update(indeedConnections)
        .set({
          accessTokenCiphertext: encryptToken(
            issued.access_token,
            deps.key,
            connectionId,
            "access_token",
          ),
          accessTokenExpiresAt: new Date(at + (issued.expires_in ?? DEFAULT_ACCESS_SECONDS) * 1000),
          // Keep the refresh token when Indeed does not rotate it; store the successor when it does.
          refreshTokenCiphertext: encryptToken(
            issued.refresh_token ?? tokens.refresh,
            deps.key,
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

  return {
    /**
     * A valid access token for the connection. Pass `rejected` with the token Indeed has just
     * answered UNAUTHENTICATED to: it is then refreshed (once) unless someone already did.
     */
    async getAccessToken(
      connectionId: string,
      options: { rejected?: string } = {},
    ): Promise<string> {
      const [row] = await deps.db
        .select()
        .from(indeedConnections)
        .where(eq(indeedConnections.id, connectionId));
      if (!row) throw toError({ kind: "gone" });
      if (row.status === "needs_reauth") throw toError({ kind: "reauth", reason: "status" });
      try {
        const { access } = decrypt(row);
        if (usable(row, access, options.rejected)) return access!;
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
        accessTokenCiphertext: encryptToken(tokens.access_token, deps.key, id, "access_token"),
        accessTokenExpiresAt: new Date(at + (tokens.expires_in ?? DEFAULT_ACCESS_SECONDS) * 1000),
        refreshTokenCiphertext: tokens.refresh_token
          ? encryptToken(tokens.refresh_token, deps.key, id, "refresh_token")
          : null,
        refreshTokenExpiresAt: tokens.refresh_token
          ? new Date(at + REFRESH_TOKEN_LIFETIME_MS)
          : null,
        status: "active" as const,
        updatedAt: new Date(at),
      };
      if (keep) await tx.update(indeedConnections).set(values).where(eq(indeedConnections.id, id));
      else await tx.insert(indeedConnections).values({ id, userId: connection.userId, ...values });
      return {
        connectionId: id,
        replacedRefreshToken:
          replacedRefreshToken === tokens.refresh_token ? null : replacedRefreshToken,
      };
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
    key: config().tokenEncryptionKey,
    oauth: oauthSettings(),
  });
  return holder[globalKey];
}
