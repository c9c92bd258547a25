import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { employerSessionForCookie, type EmployerSession } from "./load-session";
import { safeReturnPath } from "./return-path";
import { sessionCookie } from "./session-cookie";

/**
 * The signed-in employer session of the current request (server components, actions).
 * Memoised per request: the layout and the page share one lookup.
 */
export const getEmployerSession = cache(async (): Promise<EmployerSession | null> => {
  const store = await cookies();
  return employerSessionForCookie(store.get(sessionCookie().name)?.value);
});

/**
 * For pages: the session, or a redirect to the sign-in page that comes back to `returnTo`
 * (kept only if it is a relative path of the app), or the 403 page when the employer the
 * session acts for is no longer the user's.
 */
export async function requireEmployerSession(returnTo: string = "/"): Promise<EmployerSession> {
  const session = await getEmployerSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  if (!session.employerAccess) forbidden();
  return session;
}
