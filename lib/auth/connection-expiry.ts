import type { EmployerSession } from "./load-session";
import { REFRESH_TOKEN_WARNING_MS } from "./tokens";

/** Indeed's refresh token ends within 7 days: the UI asks the user to reconnect in time. */
export function refreshTokenExpiresSoon(session: EmployerSession, now: Date = new Date()): boolean {
  if (session.connectionStatus !== "active" || !session.refreshTokenExpiresAt) return false;
  return session.refreshTokenExpiresAt.getTime() - now.getTime() < REFRESH_TOKEN_WARNING_MS;
}
