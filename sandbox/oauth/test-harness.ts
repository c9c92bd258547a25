import { createHash, randomBytes } from "node:crypto";
import { decodeJwt } from "jose";
import type { RunningSandbox } from "../server";
import { CLIENT_ID, CLIENT_SECRET } from "../testing/harness";

// Helpers for the OAuth integration tests: token requests and a cookie-keeping "browser" that
// walks the authorize pages. The sandbox itself comes from ../testing/harness.

export const REDIRECT_URI = "http://localhost:3000/api/auth/callback/indeed";
export const ALL_SCOPES = "email employer_access offline_access interviews.schedule";

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export type TokenBody = {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
  expires_in?: number;
  token_type?: string;
  error?: string;
  error_description?: string;
};

/** POSTs a form to the token endpoint; credentials in the body unless `basic` is given. */
export async function tokenRequest(
  sandbox: RunningSandbox,
  params: Record<string, string>,
  options: { basic?: [string, string]; noClientAuth?: boolean; path?: string } = {},
): Promise<{ status: number; body: TokenBody; headers: Headers }> {
  const form = new URLSearchParams(params);
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (options.basic) {
    headers.Authorization = `Basic ${Buffer.from(`${options.basic[0]}:${options.basic[1]}`).toString("base64")}`;
  } else if (!options.noClientAuth) {
    if (!form.has("client_id")) form.set("client_id", CLIENT_ID);
    if (!form.has("client_secret")) form.set("client_secret", CLIENT_SECRET);
  }
  const response = await fetch(`${sandbox.url}${options.path ?? "/oauth/v2/tokens"}`, {
    method: "POST",
    headers,
    body: form,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === "" ? {} : (JSON.parse(text) as TokenBody),
    headers: response.headers,
  };
}

export function claimsOf(jwt: string | undefined): Record<string, unknown> {
  if (!jwt) throw new Error("no token");
  return decodeJwt(jwt);
}

/** A minimal browser: follows nothing by itself, keeps the sandbox cookie. */
export class TestBrowser {
  private cookie = "";

  constructor(private readonly sandbox: RunningSandbox) {}

  async get(pathOrUrl: string): Promise<Response> {
    const response = await fetch(new URL(pathOrUrl, this.sandbox.url), {
      redirect: "manual",
      headers: this.cookie ? { Cookie: this.cookie } : {},
    });
    this.keepCookie(response);
    return response;
  }

  async post(path: string, fields: Record<string, string>): Promise<Response> {
    const response = await fetch(new URL(path, this.sandbox.url), {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        ...(this.cookie ? { Cookie: this.cookie } : {}),
      },
      body: new URLSearchParams(fields),
    });
    this.keepCookie(response);
    return response;
  }

  private keepCookie(response: Response) {
    const set = response.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0] ?? "";
  }
}

export function authorizeUrl(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) query.set(name, value);
  return `/oauth/v2/authorize?${query.toString()}`;
}

export function csrfOf(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error("no csrf field on the page");
  return match[1];
}

export interface FlowOptions {
  user?: string;
  employer?: string | null;
  scope?: string;
  prompt?: string;
  state?: string;
  untick?: string[];
  decision?: "allow" | "deny";
  challenge?: string;
  redirectUri?: string;
  clientId?: string;
}

/**
 * Walks the authorize pages as a person would (account, employer, consent) and returns the
 * query of the redirect back to the app.
 */
export async function runAuthorizeFlow(
  sandbox: RunningSandbox,
  options: FlowOptions = {},
  browser = new TestBrowser(sandbox),
): Promise<URLSearchParams> {
  const start = await browser.get(
    authorizeUrl({
      client_id: options.clientId ?? CLIENT_ID,
      redirect_uri: options.redirectUri ?? REDIRECT_URI,
      response_type: "code",
      scope: options.scope ?? ALL_SCOPES,
      state: options.state ?? "state-123",
      prompt: options.prompt ?? "select_employer",
      code_challenge: options.challenge,
      code_challenge_method: options.challenge ? "S256" : undefined,
    }),
  );
  let location = start.headers.get("location");
  for (let step = 0; step < 6 && location; step += 1) {
    if (!location.startsWith("/")) return new URL(location).searchParams;
    const page = await browser.get(location);
    const html = await page.text();
    const csrf = csrfOf(html);
    let fields: Record<string, string>;
    if (html.includes('value="account"')) {
      fields = { csrf, step: "account", user: options.user ?? "u-dana" };
    } else if (html.includes('value="employer"')) {
      // Like a browser: the pre-checked first radio is sent unless the test picks another.
      const preChecked = /name="employer" value="([^"]+)"/.exec(html)?.[1];
      const employer = options.employer === undefined ? preChecked : options.employer;
      fields = { csrf, step: "employer", ...(employer ? { employer } : {}) };
    } else {
      fields = { csrf, step: "consent", decision: options.decision ?? "allow" };
      for (const scope of ["email", "offline_access"]) {
        if (!(options.untick ?? []).includes(scope)) fields[`grant_${scope}`] = "on";
      }
    }
    const posted = await browser.post(location, fields);
    location = posted.headers.get("location");
  }
  throw new Error(`the authorize flow did not come back to the app (last location: ${location})`);
}

/** A full sign-in: flow plus code exchange, returning the token response. */
export async function signIn(
  sandbox: RunningSandbox,
  options: FlowOptions = {},
): Promise<TokenBody & { grantEmployer?: string }> {
  const pkce = pkcePair();
  const back = await runAuthorizeFlow(sandbox, { ...options, challenge: pkce.challenge });
  const code = back.get("code");
  if (!code) throw new Error(`no code: ${back.toString()}`);
  const result = await tokenRequest(sandbox, {
    grant_type: "authorization_code",
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: pkce.verifier,
  });
  if (result.status !== 200)
    throw new Error(`code exchange failed: ${JSON.stringify(result.body)}`);
  return { ...result.body, grantEmployer: back.get("employer") ?? undefined };
}
