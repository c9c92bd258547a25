import type { SandboxRequest } from "../core/http";

/** A seeded (or control-API-created) Indeed account. */
export interface SandboxUser {
  id: string;
  email: string;
  name: string;
  /** Ids of the employers this person can act for. */
  employerIds: string[];
}

export interface SandboxEmployer {
  /** The `employer` value of the OAuth flow. */
  id: string;
  name: string;
  /** The legacy advertiser id, as the ID token carries it. */
  advertiserId: string;
}

/** What a valid access token says, as the Interview API needs it. */
export interface AccessTokenClaims {
  userId: string;
  /** `user:<id>` for a person, `app:<client id>` for client credentials. */
  sub: string;
  clientId: string;
  scopes: string[];
  /** The employer the token represents, if one was selected. */
  employerId: string | null;
  grantId: string | null;
  /** Epoch milliseconds (compare with `clock.now()`). */
  expiresAt: number;
}

/**
 * What the OAuth half offers the rest of the sandbox. The Interview API module receives this
 * object and nothing else from OAuth.
 */
export interface OAuthApi {
  /** Null when the token is malformed, badly signed, expired (virtual clock) or revoked. */
  verifyAccessToken(token: string): Promise<AccessTokenClaims | null>;
  user(id: string): SandboxUser | undefined;
  userByEmail(email: string): SandboxUser | undefined;
  employer(id: string): SandboxEmployer | undefined;
  users(): SandboxUser[];
  employers(): SandboxEmployer[];
  /** The person signed in to the sandbox in this browser (its own cookie), if any. */
  currentAccount(req: SandboxRequest): SandboxUser | undefined;
  /** Where to send a browser to sign in to the sandbox and come back. */
  signInUrl(returnTo: string): string;
  /** Where a person without an Indeed account creates one, then comes back signed in. */
  createAccountUrl(returnTo: string): string;
}
