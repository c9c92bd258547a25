import { describe, expect, it } from "vitest";
import { CLIENT_ID, setupTestSandbox } from "../testing/harness";
import {
  ALL_SCOPES,
  authorizeUrl,
  claimsOf,
  csrfOf,
  pkcePair,
  REDIRECT_URI,
  runAuthorizeFlow,
  signIn,
  TestBrowser,
} from "./test-harness";

const sandbox = setupTestSandbox({ resetBeforeEach: true });

function validParams(overrides: Record<string, string | undefined> = {}) {
  return {
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: ALL_SCOPES,
    state: "xyz",
    code_challenge: pkcePair().challenge,
    code_challenge_method: "S256",
    ...overrides,
  };
}

async function redirectQuery(params: Record<string, string | undefined>) {
  const response = await new TestBrowser(sandbox).get(authorizeUrl(params));
  const location = response.headers.get("location") ?? "";
  return { status: response.status, location, query: new URL(location, sandbox.url).searchParams };
}

describe("authorize: requests the sandbox refuses with a page, never a redirect", () => {
  it("shows an error page for an unknown client_id", async () => {
    const response = await new TestBrowser(sandbox).get(
      authorizeUrl(validParams({ client_id: "nobody" })),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("No app is registered");
  });

  it("shows an error page listing the registered URIs for an unregistered redirect_uri", async () => {
    const response = await new TestBrowser(sandbox).get(
      authorizeUrl(validParams({ redirect_uri: "https://evil.example/callback" })),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    const html = await response.text();
    expect(html).toContain("must match one of these exactly");
    expect(html).toContain(REDIRECT_URI);
    expect(html).not.toContain("evil.example");
  });

  it("refuses a redirect_uri that only differs by a trailing slash", async () => {
    const response = await new TestBrowser(sandbox).get(
      authorizeUrl(validParams({ redirect_uri: `${REDIRECT_URI}/` })),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });
});

describe("authorize: errors sent back to the app", () => {
  it("redirects with unsupported_response_type for response_type=token", async () => {
    const { status, location, query } = await redirectQuery(
      validParams({ response_type: "token" }),
    );
    expect(status).toBe(303);
    expect(location.startsWith(REDIRECT_URI)).toBe(true);
    expect(query.get("error")).toBe("unsupported_response_type");
    expect(query.get("state")).toBe("xyz");
  });

  it("redirects with invalid_scope for an unknown scope, keeping state", async () => {
    const { query } = await redirectQuery(validParams({ scope: "email openid" }));
    expect(query.get("error")).toBe("invalid_scope");
    expect(query.get("error_description")).toContain("openid");
    expect(query.get("state")).toBe("xyz");
  });

  it("redirects with invalid_request for PKCE plain", async () => {
    const { query } = await redirectQuery(validParams({ code_challenge_method: "plain" }));
    expect(query.get("error")).toBe("invalid_request");
    expect(query.get("error_description")).toContain("S256");
  });

  it("redirects with invalid_request for a challenge without a method (which would mean plain)", async () => {
    const { query } = await redirectQuery(validParams({ code_challenge_method: undefined }));
    expect(query.get("error")).toBe("invalid_request");
  });

  it("redirects with invalid_request for prompt=select_employer without employer_access", async () => {
    const { query } = await redirectQuery(
      validParams({ scope: "email", prompt: "select_employer" }),
    );
    expect(query.get("error")).toBe("invalid_request");
    expect(query.get("error_description")).toContain("employer_access");
  });

  it("sends access_denied with state when the person presses Deny", async () => {
    const back = await runAuthorizeFlow(sandbox, {
      decision: "deny",
      employer: "emp-acme-robotics",
    });
    expect(back.get("error")).toBe("access_denied");
    expect(back.get("state")).toBe("state-123");
    expect(back.get("code")).toBeNull();
  });
});

describe("authorize: the person's choices", () => {
  it("redirects with code, state, employer and iss after account, employer and consent", async () => {
    const back = await runAuthorizeFlow(sandbox, {
      user: "u-dana",
      employer: "emp-globex-logistics",
    });
    expect(back.get("code")).toBeTruthy();
    expect(back.get("state")).toBe("state-123");
    expect(back.get("employer")).toBe("emp-globex-logistics");
    expect(back.get("iss")).toBe(sandbox.url);
  });

  it("lets a person of no employer continue without one (no employer in the redirect)", async () => {
    const tokens = await signIn(sandbox, { user: "u-riley" });
    expect(tokens.grantEmployer).toBeUndefined();
    expect(claimsOf(tokens.access_token).emp).toBeUndefined();
    expect(claimsOf(tokens.id_token).employers).toEqual([]);
  });

  it("puts the chosen employer in the access token and first in the ID token", async () => {
    const tokens = await signIn(sandbox, { user: "u-dana", employer: "emp-globex-logistics" });
    expect(claimsOf(tokens.access_token).emp).toBe("emp-globex-logistics");
    const employers = claimsOf(tokens.id_token).employers as { id: string; advertiserId: string }[];
    expect(employers.map((e) => e.id)).toEqual(["emp-globex-logistics", "emp-acme-robotics"]);
    expect(employers[0]?.advertiserId).toBe("5162030002");
  });

  it("honours a partial grant: unticking offline_access and email gives no refresh token and no email", async () => {
    const tokens = await signIn(sandbox, {
      employer: "emp-acme-robotics",
      untick: ["offline_access", "email"],
    });
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.scope).toBe("employer_access interviews.schedule");
    expect(claimsOf(tokens.id_token).email).toBeUndefined();
  });

  it("rejects a step form whose CSRF token does not match", async () => {
    const browser = new TestBrowser(sandbox);
    const start = await browser.get(authorizeUrl(validParams()));
    const location = start.headers.get("location") ?? "";
    await browser.get(location);
    const posted = await browser.post(location, {
      csrf: "forged",
      step: "account",
      user: "u-dana",
    });
    expect(posted.status).toBe(403);
  });

  it("refuses a pending request opened in another browser (no session cookie)", async () => {
    const browser = new TestBrowser(sandbox);
    const start = await browser.get(authorizeUrl(validParams()));
    const location = start.headers.get("location") ?? "";
    const html = await (await browser.get(location)).text();
    const stranger = new TestBrowser(sandbox);
    expect((await stranger.get(location)).status).toBe(400);
    const posted = await stranger.post(location, {
      csrf: csrfOf(html),
      step: "account",
      user: "u-dana",
    });
    expect(posted.status).toBe(400);
  });

  it("remembers the account in an HttpOnly SameSite=Lax cookie and skips the chooser next time", async () => {
    const browser = new TestBrowser(sandbox);
    const start = await browser.get(authorizeUrl(validParams()));
    const cookie = start.headers.get("set-cookie") ?? "";
    expect(cookie).toContain("indeed_sandbox_session=");
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    await runAuthorizeFlow(sandbox, { user: "u-sam", employer: "emp-initech-foods" }, browser);
    const again = await browser.get(authorizeUrl(validParams({ prompt: "select_employer" })));
    const page = await (await browser.get(again.headers.get("location") ?? "")).text();
    expect(page).toContain("Choose an employer");
    expect(page).toContain("Sam Hiring-Manager");
  });

  it("serves the pages with a CSP that allows forms to reach the app's origin", async () => {
    const browser = new TestBrowser(sandbox);
    const back = await runAuthorizeFlow(sandbox, { employer: "emp-acme-robotics" }, browser);
    expect(back.get("code")).toBeTruthy();
    const start = await browser.get(authorizeUrl(validParams({ prompt: undefined })));
    const consent = await browser.get(start.headers.get("location") ?? "");
    const csp = consent.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("form-action 'self' http://localhost:3000");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
