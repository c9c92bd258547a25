import { type SandboxRequest, parseCookies } from "../core/http";
import type { OAuthRuntime } from "./runtime";
import type { BrowserSession } from "./store";
import { randomSecret } from "./tokens";

/** The sandbox's own sign-in cookie: which seeded person this browser is (no passwords here). */
export const SESSION_COOKIE = "indeed_sandbox_session";
const THIRTY_DAYS_SECONDS = 30 * 86_400;

export function readSession(
  req: SandboxRequest,
  rt: OAuthRuntime,
): { id: string; session: BrowserSession } | null {
  const id = parseCookies(req.headers.cookie)[SESSION_COOKIE];
  const session = id === undefined ? undefined : rt.store.sessions.get(id);
  return id !== undefined && session ? { id, session } : null;
}

/** The browser's session, creating one (and the Set-Cookie header for it) when it has none. */
export function ensureSession(
  req: SandboxRequest,
  rt: OAuthRuntime,
): { id: string; session: BrowserSession; setCookie: string | null } {
  const existing = readSession(req, rt);
  if (existing) return { ...existing, setCookie: null };
  const id = randomSecret(24);
  const session: BrowserSession = { userId: null, createdAt: rt.context.clock.now() };
  rt.store.sessions.set(id, session);
  rt.context.markDirty();
  return { id, session, setCookie: sessionCookie(id, rt.context.issuer) };
}

export function sessionCookie(id: string, issuer: string): string {
  const secure = issuer.startsWith("https:") ? "; Secure" : "";
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${THIRTY_DAYS_SECONDS}${secure}`;
}
