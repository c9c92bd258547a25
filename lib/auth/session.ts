/**
 * Moved (one job a file): session-claims.ts (the cookie's JWT), load-session.ts (EmployerSession,
 * the server-side row, the idle policy), current-session.ts (the page guard), connection-expiry.ts,
 * and lib/http/route.ts (the route wrapper, formerly withEmployer). These re-exports remain only
 * for files other engineers are changing right now; import from the new files, and delete this
 * once nothing imports it.
 */
export {
  getEmployerSessionFromRequest,
  loadEmployerSession,
  type EmployerSession,
} from "./load-session";
export { getEmployerSession, requireEmployerSession } from "./current-session";
