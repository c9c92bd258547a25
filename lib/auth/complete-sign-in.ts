import "server-only";
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { authSessions, employerMemberships, employers, indeedConnections, users } from "@/lib/db/schema";
import type { IndeedIdentity, IndeedTokenResponse } from "./indeed-oauth";
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
 * the encrypted tokens, and a new server-side session (a fresh session id at every sign-in).
 */
export async function completeSignIn(
  input: { identity: IndeedIdentity; tokens: IndeedTokenResponse; employerId: string },
  deps: { db: Database; tokens: TokenService; now?: Date },
): Promise<SignInResult> {
  const { identity, tokens } = input;
  const now = deps.now ?? new Date();
  const claimed = [...identity.employers];
  if (!claimed.some((e) => e.id === input.employerId)) {
    // Indeed's employers claim may lag behind; the chosen employer is still a membership.
    claimed.push({ id: input.employerId, name: input.employerId, advertiserId: null });
  }
  return deps.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ issuer: identity.issuer, subject: identity.subject, email: identity.email, name: identity.name })
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
    await tx
      .delete(employerMemberships)
      .where(and(eq(employerMemberships.userId, userId), notInArray(employerMemberships.employerId, ids)));
    await tx
      .insert(employerMemberships)
      .values(ids.map((employerId) => ({ userId, employerId })))
      .onConflictDoNothing();

    // Connections of this user that Indeed already refused are dead: this sign-in replaces them
    // (their sessions go with them).
    await tx
      .delete(indeedConnections)
      .where(and(eq(indeedConnections.userId, userId), eq(indeedConnections.status, "needs_reauth")));

    const connectionId = await deps.tokens.createConnection(tx, { userId, employerId: input.employerId, tokens });
    const [session] = await tx
      .insert(authSessions)
      .values({ userId, connectionId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) })
      .returning({ id: authSessions.id });
    return { userId, connectionId, sessionId: session!.id };
  });
}
