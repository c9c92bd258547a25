import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/sign-in";
import { appUrl, sandboxUrl } from "./support/urls";

// Sam, not Dana: a refused callback leaves a grant at Indeed that no client can revoke, and
// e2e/sign-in.spec.ts checks that all of Dana's grants end revoked.
// What an attacker tries on the way back from Indeed: the callback's state edited, removed or
// replayed, the employer swapped for one the person does not belong to, and return paths that
// leave the app. Each one must end on Lobby's own pages with nobody signed in.

/**
 * Goes through Indeed's (the sandbox's) real pages as `account`, and stops the browser just
 * before Lobby's callback runs: the callback URL is returned, unvisited.
 */
async function callbackUrlFor(page: Page, account: RegExp): Promise<URL> {
  await page.context().clearCookies({ domain: new URL(sandboxUrl).hostname });
  // The sandbox answers Allow with a 303 to the callback; the browser is kept from following it.
  let captured: string | undefined;
  const sandboxPosts = (url: URL) => url.origin === sandboxUrl;
  await page.route(sandboxPosts, async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    const response = await route.fetch({ maxRedirects: 0 });
    const location = response.headers()["location"] ?? "";
    if (!location.startsWith(`${appUrl}/api/auth/callback/indeed`))
      return route.fulfill({ response });
    captured = location;
    await route.fulfill({ status: 200, contentType: "text/plain", body: "held for the test" });
  });
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Indeed" }).click();
  await page.getByRole("button", { name: account }).click();
  const choose = page.getByRole("heading", { level: 1, name: "Choose an employer" });
  const consent = page.getByRole("heading", { level: 1, name: /^Allow / });
  await expect(choose.or(consent)).toBeVisible();
  if (await choose.isVisible()) await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect.poll(() => captured).toBeDefined();
  await page.unroute(sandboxPosts);
  return new URL(captured!);
}

async function expectSignedOut(context: BrowserContext) {
  const cookies = await context.cookies(appUrl);
  expect(cookies.find((c) => c.name === "lobby.session")).toBeUndefined();
  // The state, PKCE and nonce cookies served this one callback and are gone.
  expect(cookies.filter((c) => c.name.startsWith("lobby.oauth-"))).toEqual([]);
  const session = await context.request.get(`${appUrl}/api/auth/session`);
  expect(await session.json()).toEqual({});
}

async function expectNotStartedHere(page: Page) {
  await expect(page).toHaveURL(/\/signin\/error\?error=state_mismatch/);
  await expect(
    page.getByRole("heading", { level: 1, name: "This sign-in was not started here" }),
  ).toBeVisible();
}

test.describe("the sign-in callback refuses what this browser did not start", () => {
  test("a changed state", async ({ page, context }) => {
    const callback = await callbackUrlFor(page, /Sam Hiring-Manager/);
    callback.searchParams.set("state", "tampered");
    await page.goto(callback.toString());
    await expectNotStartedHere(page);
    await expectNoAxeViolations(page);
    await expectSignedOut(context);
  });

  test("a removed state", async ({ page, context }) => {
    const callback = await callbackUrlFor(page, /Sam Hiring-Manager/);
    callback.searchParams.delete("state");
    await page.goto(callback.toString());
    await expectNotStartedHere(page);
    await expectSignedOut(context);
  });

  test("a replayed callback, in the same browser and in another", async ({ page, browser }) => {
    const callback = await callbackUrlFor(page, /Sam Hiring-Manager/);
    await page.goto(callback.toString());
    await expect(page).toHaveURL(`${appUrl}/`);
    await expect(page.getByTestId("active-employer")).toBeVisible();

    // The same browser again: its state cookie was used up by the first visit.
    await page.goto(callback.toString());
    await expectNotStartedHere(page);

    // Another browser (the attacker's) with the stolen URL.
    const other = await browser.newContext();
    const attacker = await other.newPage();
    await attacker.goto(callback.toString());
    await expectNotStartedHere(attacker);
    await expectSignedOut(other);
    await other.close();
  });

  test("an employer parameter swapped for one the person does not belong to", async ({
    page,
    context,
  }) => {
    const callback = await callbackUrlFor(page, /Sam Hiring-Manager/);
    expect(callback.searchParams.get("employer")).toBe("emp-initech-foods");
    callback.searchParams.set("employer", "emp-acme-robotics");
    await page.goto(callback.toString());
    await expect(page).toHaveURL(/\/signin\/error\?error=/);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Sign in to Lobby");
    await expectSignedOut(context);
  });
});

// Spellings of "somewhere else" that browsers or URL parsers read as another host.
const HOSTILE_RETURN_PATHS = [
  "https://evil.example/",
  "//evil.example",
  "///evil.example",
  "/.//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/.%2f/evil.example",
  "/\\evil.example",
  "/%5Cevil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "javascript:alert(1)",
  "https:evil.example",
  "/\uff0fevil.example",
  "\uff0f\uff0fevil.example",
];

test("hostile return paths all land on this origin", async ({ page }) => {
  await signIn(page, { account: "Sam Hiring-Manager" });
  for (const hostile of HOSTILE_RETURN_PATHS) {
    const response = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(hostile)}`, {
      maxRedirects: 0,
    });
    expect(response.status(), hostile).toBeGreaterThanOrEqual(300);
    expect(response.status(), hostile).toBeLessThan(400);
    const location = response.headers()["location"]!;
    expect(new URL(location, appUrl).origin, `${hostile} → ${location}`).toBe(appUrl);
    expect(location, hostile).not.toMatch(/^\/[/\\]/);
  }
  // And through the browser, where the redirect is followed.
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/.//evil.example")}`);
  expect(new URL(page.url()).origin).toBe(appUrl);
});

test("a hostile return path given before signing in lands on this origin after", async ({
  page,
}) => {
  await signIn(page, {
    account: "Sam Hiring-Manager",
    from: `/signin?callbackUrl=${encodeURIComponent("/%2e//evil.example")}`,
  });
  expect(new URL(page.url()).origin).toBe(appUrl);
  await expect(page.getByTestId("active-employer")).toHaveText("Initech Foods");
});
