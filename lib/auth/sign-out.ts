import "server-only";
import { eq } from "drizzle-orm";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db as processDb, type Database } from "@/lib/db/client";
import { authSessions, indeedConnections } from "@/lib/db/schema";
import { tokenService, type TokenService } from "./tokens";

/**
 * Ends a session server side: the session row goes, the connection's tokens are deleted and
 * then revoked at Indeed (revocation endpoint from discovery, best effort). Audited.
 */
export async function endSession(
  claims: { sessionId: string; connectionId: string },
  deps: { db: Database; tokens: TokenService } = { db: processDb(), tokens: tokenService() },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [ended] = await tx
      .delete(authSessions)
      .where(eq(authSessions.id, claims.sessionId))
      .returning({ userId: authSessions.userId });
    const [connection] = await tx
      .select({ employerId: indeedConnections.employerId })
      .from(indeedConnections)
      .where(eq(indeedConnections.id, claims.connectionId));
    // Audited once, for the employer the session acted for: a second sign-out ends nothing.
    if (ended && connection?.employerId)
      await recordAuditEvent(tx, {
        employerId: connection.employerId,
        userId: ended.userId,
        action: "auth.sign_out",
        subject: { type: "user", id: ended.userId },
      });
  });
  await deps.tokens.disconnect(claims.connectionId);
}
