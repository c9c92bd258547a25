import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";

test("the home page presents Lobby and passes the accessibility check", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Lobby", exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the health route reports the database up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { status: "up" } });
});

test("the skip link moves keyboard users to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("the privacy page tells job seekers what is shared with Indeed, and links Indeed's policies", async ({
  page,
}) => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Privacy" })
    .click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Privacy and data handling" }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "What is shared with Indeed, and when" }),
  ).toBeVisible();
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "Indeed's Terms of Service" })).toHaveAttribute(
    "href",
    /indeed\.com/,
  );
  await expect(footer.getByRole("link", { name: "Privacy Policy" })).toBeVisible();
  await expectNoAxeViolations(page);
});
