import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn, signOut, switchEmployer } from "./support/sign-in";
import { appUrl, sandboxUrl } from "./support/urls";

// A JWS (Indeed's access and ID tokens): three base64url parts, the first two JSON objects.
// next-auth's own session cookie is a JWE (five parts, the second empty), which this skips.
const JWS = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{16,}/;

/** Records every app response body the browser receives, and OAuth codes seen in URLs. */
function watch(page: Page) {
  const bodies: string[] = [];
  const codes = new Set<string>();
  page.on("request", (request) => {
    const code = new URL(request.url()).searchParams.get("code");
    if (code) codes.add(code);
  });
  page.on("response", async (response) => {
    if (!response.url().startsWith(appUrl)) return;
    const type = response.headers()["content-type"] ?? "";
    if (!/html|json|text\/x-component|javascript/.test(type)) return;
    try {
      bodies.push(await response.text());
    } catch {
      // redirects and aborted responses have no body
    }
  });
  return { bodies, codes };
}

/**
 * Starts a sign-in from a fresh sandbox session and picks `account`, passing the employer
 * chooser (its default) when it shows: ends on Indeed's consent page, before Allow or Deny.
 */
async function openConsent(page: Page, account: RegExp) {
  await page.context().clearCookies({ domain: new URL(sandboxUrl).hostname });
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Indeed" }).click();
  await page.getByRole("button", { name: account }).click();
  const choose = page.getByRole("heading", { level: 1, name: "Choose an employer" });
  const consent = page.getByRole("heading", { level: 1, name: /^Allow / });
  await expect(choose.or(consent)).toBeVisible();
  if (await choose.isVisible()) await page.getByRole("button", { name: "Continue" }).click();
}

test.describe("sign-in with Indeed", () => {
  test("the sign-in page passes axe and protects pages behind it", async ({ page }) => {
    await page.goto("/account/employer-error");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to Lobby" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("signs in, switches employer and signs out, never showing the browser a token or code", async ({
    page,
    context,
  }) => {
    const seen = watch(page);

    await signIn(page, { account: "Dana Recruiter", employer: "Acme Robotics" });
    await expect(page).toHaveURL(`${appUrl}/`);
    await expect(page.getByTestId("active-employer")).toHaveText("Acme Robotics");
    await expect(page.getByTestId("home-employer")).toContainText("Acme Robotics");
    await expectNoAxeViolations(page);

    const home = await page.request.get("/");
    expect(home.headers()["cache-control"]).toContain("no-store");
    expect(home.headers()["content-security-policy"]).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
    );
    const session = await page.request.get("/api/auth/session");
    const sessionJson = await session.text();
    expect(JSON.parse(sessionJson)).toMatchObject({ user: { name: "Dana Recruiter" } });
    seen.bodies.push(sessionJson);

    await switchEmployer(page, "Globex Logistics");
    await page.reload();
    await expect(page.getByTestId("active-employer")).toHaveText("Globex Logistics");

    const cookies = await context.cookies(appUrl);
    const sessionCookie = cookies.find((c) => c.name === "lobby.session");
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(seen.codes.size).toBeGreaterThan(0);
    for (const text of [...seen.bodies, ...cookies.map((c) => `${c.name}=${c.value}`)]) {
      expect(text).not.toMatch(JWS);
      expect(text).not.toMatch(/refresh_token|access_token|id_token/);
      for (const code of seen.codes) expect(text).not.toContain(code);
    }
    const storage = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    );
    expect(storage).not.toMatch(JWS);

    await signOut(page);
    await expect(page.getByText("You are signed out")).toBeVisible();
    expect((await context.cookies(appUrl)).find((c) => c.name === "lobby.session")).toBeUndefined();
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

    // The grant is revoked at Indeed.
    const grants = (await (
      await page.request.get(
        `${sandboxUrl}/_sandbox/oauth/grants?user=u-dana&client_id=lobby-local`,
      )
    ).json()) as {
      grants: { revokedAt: string | null }[];
    };
    expect(grants.grants.length).toBeGreaterThan(0);
    expect(grants.grants.every((g) => g.revokedAt !== null)).toBe(true);
  });

  test("pressing Deny at Indeed ends on a clear error page", async ({ page }) => {
    await openConsent(page, /Ivy Interviewer/);
    await page.getByRole("button", { name: "Deny" }).click();
    await expect(page).toHaveURL(/\/signin\/error\?error=denied/);
    await expect(
      page.getByRole("heading", { level: 1, name: "You did not allow Lobby to use Indeed" }),
    ).toBeVisible();
  });

  test("a partial grant (offline access unticked) ends on a clear error page, with no session", async ({
    page,
    context,
  }) => {
    await openConsent(page, /Ivy Interviewer/);
    await page.getByRole("checkbox", { name: /offline_access/ }).uncheck();
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page).toHaveURL(/\/signin\/error\?error=partial_scopes/);
    await expect(
      page.getByRole("heading", { level: 1, name: "Lobby needs every permission it asked for" }),
    ).toBeVisible();
    expect((await context.cookies(appUrl)).find((c) => c.name === "lobby.session")).toBeUndefined();
  });

  test("a person with no employer ends on a clear error page", async ({ page }) => {
    await openConsent(page, /Riley Freelancer/);
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page).toHaveURL(/\/signin\/error\?error=no_employer/);
    await expect(
      page.getByRole("heading", { level: 1, name: "Choose an employer account" }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("when Indeed refuses the refresh token, the route says RECONNECT_REQUIRED and the banner offers to reconnect", async ({
    page,
  }) => {
    const find = { operationName: "FindInterviews", variables: { first: 5, input: {} } };
    const anonymous = await page.request.post("/api/indeed/graphql", {
      data: find,
      headers: { origin: appUrl },
    });
    expect(anonymous.status()).toBe(401);

    await signIn(page, { account: "Dana Recruiter", employer: "Acme Robotics" });
    const ok = await page.request.post("/api/indeed/graphql", {
      data: find,
      headers: { origin: appUrl },
    });
    expect(ok.status()).toBe(200);
    const crossSite = await page.request.post("/api/indeed/graphql", {
      data: find,
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status()).toBe(403);

    // Dana removes Lobby's access at Indeed, and an hour later the access token has run out.
    await page.request.post(`${sandboxUrl}/_sandbox/users/u-dana/revoke`, { data: {} });
    await page.request.post(`${sandboxUrl}/_sandbox/clock/advance`, { data: { hours: 2 } });
    const refused = await page.request.post("/api/indeed/graphql", {
      data: find,
      headers: { origin: appUrl },
    });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      "RECONNECT_REQUIRED",
    );

    await page.goto("/");
    const banner = page.getByTestId("reconnect-banner");
    await expect(banner).toBeVisible();
    await expectNoAxeViolations(page);

    await signIn(page, { account: "Dana Recruiter", employer: "Acme Robotics", from: "/" });
    await expect(page.getByTestId("reconnect-banner")).toHaveCount(0);
    const again = await page.request.post("/api/indeed/graphql", {
      data: find,
      headers: { origin: appUrl },
    });
    expect(again.status()).toBe(200);
  });

  test("refuses a return path outside the app", async ({ page }) => {
    await signIn(page, {
      account: "Sam Hiring-Manager",
      from: "/signin?callbackUrl=https%3A%2F%2Fevil.example%2F",
    });
    expect(new URL(page.url()).origin).toBe(appUrl);
    await expect(page.getByTestId("active-employer")).toHaveText("Initech Foods");
  });
});
