/**
 * Why a sign-in failed, as `/signin/error?error=<code>` names it, and what the person can do.
 * The callback (lib/auth/finish-sign-in.ts) names ours; Indeed's authorization errors map onto
 * them. Pure.
 */
export const SIGN_IN_ERRORS = {
  denied: {
    title: "You did not allow Lobby to use Indeed",
    body: "Lobby needs your permission to schedule interviews with Indeed. Sign in again and choose Allow.",
  },
  partial_scopes: {
    title: "Lobby needs every permission it asked for",
    body: "Indeed did not grant all the permissions Lobby needs (scheduling interviews and staying connected). Sign in again and allow all of them.",
  },
  no_employer: {
    title: "Choose an employer account",
    body: "Lobby schedules interviews for an employer. Sign in again and pick one of your Indeed employer accounts; if you have none, ask your company's Indeed administrator to add you.",
  },
  indeed_unavailable: {
    title: "Indeed is not answering right now",
    body: "Lobby could not reach Indeed's sign-in service. Wait a moment and try again.",
  },
  code_invalid: {
    title: "That sign-in link has already been used or has expired",
    body: "For your security each sign-in can be completed only once, within a few minutes. Start again.",
  },
  id_token_invalid: {
    title: "Indeed's answer could not be verified",
    body: "Lobby could not verify the identity Indeed sent back, so it did not sign you in. Try again; if it keeps happening, contact support.",
  },
  state_mismatch: {
    title: "This sign-in was not started here",
    body: "Lobby did not start this sign-in in this browser, so it did not sign you in. Start again from Lobby's sign-in page.",
  },
  employer_not_allowed: {
    title: "That employer is not one of yours",
    body: "Indeed does not list the chosen employer account for you, so Lobby did not sign you in. Sign in again and pick one of your employer accounts.",
  },
  sign_in_failed: {
    title: "Sign-in did not complete",
    body: "Something went wrong while signing you in with Indeed. Try again.",
  },
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

/** Any `error` query value (ours or Indeed's authorization error) → one of ours. */
export function signInErrorCode(value: unknown): SignInErrorCode {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string") return "sign_in_failed";
  if (Object.hasOwn(SIGN_IN_ERRORS, raw)) return raw as SignInErrorCode;
  switch (raw) {
    case "access_denied":
      return "denied";
    case "temporarily_unavailable":
    case "server_error":
      return "indeed_unavailable";
    default:
      return "sign_in_failed";
  }
}
