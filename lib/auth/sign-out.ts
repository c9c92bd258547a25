import "server-only";
import { eq } from "drizzle-orm";
import { db as processDb, type Database } from "@/lib/db/client";
import { authSessions } from "@/lib/db/schema";
import { tokenService, type TokenService } from "./tokens";

/**
 * Ends a session server side: the session row goes, the connection's tokens are deleted and
 * then revoked at Indeed (revocation endpoint from discovery, best effort).
 */
export async function endSession(
  claims: { sessionId: string; connectionId: string },
  deps: { db: Database; tokens: TokenService } = { db: processDb(), tokens: tokenService() },
): Promise<void> {
  await deps.db.delete(authSessions).where(eq(authSessions.id, claims.sessionId));
  await deps.tokens.disconnect(claims.connectionId);
}
