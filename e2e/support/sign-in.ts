import { expect, type Page } from "@playwright/test";
import { sandboxUrl } from "./urls";

function pattern(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
}

/**
 * Signs in through the sandbox's real pages: Lobby's "Sign in with Indeed" → choose an account
 * → choose an employer → Allow, and waits until the browser is back on the app.
 * `account`: a seeded person's name, email or id (e.g. "Dana Recruiter"); `employer`: the
 * employer's name (e.g. "Globex Logistics"; default: the first offered). `from`: the app path to
 * start from (default "/signin").
 */
export async function signIn(
  page: Page,
  { account, employer, from = "/signin" }: { account: string; employer?: string; from?: string },
): Promise<void> {
  // The sandbox remembers a chosen account in its own cookie; forget it so the chooser shows.
  await page.context().clearCookies({ domain: new URL(sandboxUrl).hostname });
  await page.goto(from);
  await page
    .getByRole("button", { name: /Sign in with Indeed|Reconnect to Indeed/ })
    .first()
    .click();

  await expect(page.getByRole("heading", { level: 1, name: "Choose an account" })).toBeVisible();
  await page
    .getByRole("button", { name: pattern(account) })
    .first()
    .click();

  const chooseEmployer = page.getByRole("heading", { level: 1, name: "Choose an employer" });
  const consent = page.getByRole("heading", { level: 1, name: /^Allow / });
  await expect(chooseEmployer.or(consent)).toBeVisible();
  if (await chooseEmployer.isVisible()) {
    if (employer) await page.getByRole("radio", { name: pattern(employer) }).check();
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await expect(consent).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();

  await page.waitForURL(
    (url) => url.hostname !== new URL(sandboxUrl).hostname && !url.pathname.startsWith("/api/auth"),
  );
  if (employer) await expect(page.getByTestId("active-employer")).toHaveText(employer);
}

/** Opens the header's account menu and signs out; waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId("account-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/signin");
}

/** Opens the header's account menu and switches to another employer by name. */
export async function switchEmployer(page: Page, employer: string): Promise<void> {
  await page.getByTestId("account-menu").click();
  await page.getByRole("menuitem", { name: employer }).click();
  await expect(page.getByTestId("active-employer")).toHaveText(employer);
}
