import "server-only";
import { and, eq, notInArray, sql } from "drizzle-orm";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { authSessions, employerMemberships, employers, users } from "@/lib/db/schema";
import type { IndeedIdentity, IndeedTokenResponse } from "./indeed-oauth";
import { appointMissingAdmins } from "./roles";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";
import type { TokenService } from "./tokens";

export interface SignInResult {
  userId: string;
  connectionId: string;
  sessionId: string;
}

/**
 * Records a successful sign-in in one transaction: the user (keyed on issuer + subject, never
 * email), the employers of the ID token and the user's memberships, a new connection holding
 * the encrypted tokens (the user's one connection, replaced if it exists), and a new
 * server-side session (a fresh session id at every sign-in). An employer left without an admin
 * gets one (lib/auth/roles.ts), and the sign-in is audited.
 */
export async function completeSignIn(
  input: { identity: IndeedIdentity; tokens: IndeedTokenResponse; employerId: string },
  deps: { db: Database; tokens: TokenService; now?: Date },
): Promise<SignInResult> {
  const { identity, tokens } = input;
  const now = deps.now ?? new Date();
  const claimed = [...identity.employers];
  if (!claimed.some((e) => e.id === input.employerId)) {
    // Checked at the callback against Indeed's lists (acceptTokens): when only userinfo named
    // it, the ID token's claim lags behind, and the chosen employer is still a membership.
    claimed.push({ id: input.employerId, name: input.employerId, advertiserId: null });
  }
  const result = await deps.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        issuer: identity.issuer,
        subject: identity.subject,
        email: identity.email,
        name: identity.name,
      })
      .onConflictDoUpdate({
        target: [users.issuer, users.subject],
        set: { email: identity.email, name: identity.name, updatedAt: now },
      })
      .returning({ id: users.id });
    const userId = user!.id;

    for (const employer of claimed) {
      await tx
        .insert(employers)
        .values({ id: employer.id, name: employer.name, advertiserId: employer.advertiserId })
        .onConflictDoUpdate({
          target: employers.id,
          set: {
            name: employer.name,
            advertiserId: sql`coalesce(excluded.advertiser_id, ${employers.advertiserId})`,
            updatedAt: now,
          },
        });
    }
    const ids = claimed.map((e) => e.id);
    const left = await tx
      .delete(employerMemberships)
      .where(
        and(
          eq(employerMemberships.userId, userId),
          notInArray(employerMemberships.employerId, ids),
        ),
      )
      .returning({ employerId: employerMemberships.employerId });
    await tx
      .insert(employerMemberships)
      .values(ids.map((employerId) => ({ userId, employerId })))
      .onConflictDoNothing();
    await appointMissingAdmins(tx, [...ids, ...left.map((m) => m.employerId)]);

    const { connectionId, replacedRefreshToken } = await deps.tokens.saveGrant(tx, {
      userId,
      employerId: input.employerId,
      tokens,
    });
    const [session] = await tx
      .insert(authSessions)
      .values({
        userId,
        connectionId,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      })
      .returning({ id: authSessions.id });
    await recordAuditEvent(tx, {
      employerId: input.employerId,
      userId,
      action: "auth.sign_in",
      subject: { type: "user", id: userId },
    });
    return { userId, connectionId, sessionId: session!.id, replacedRefreshToken };
  });
  // The grant this sign-in replaced: Indeed ends it anyway; say so explicitly (best effort).
  if (result.replacedRefreshToken)
    await deps.tokens.revokeRefreshToken(result.replacedRefreshToken);
  return { userId: result.userId, connectionId: result.connectionId, sessionId: result.sessionId };
}
