import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

// Malformed percent-encoding, control characters and over-long ids on every dynamic route: a
// 404 page (or a 400 for the API), never a 500. Signed in, so the pages' own code would run.
const HOSTILE_PAGES = [
  "/interviews/%",
  "/interviews/%zz",
  "/interviews/%E0%A4%A",
  "/interviews/%00",
  `/interviews/${"a".repeat(5000)}`,
  "/applications/%",
  "/applications/%zz",
  "/applications/%0d%0a",
  `/applications/${"b".repeat(5000)}`,
  "/%",
];

test("hostile page URLs answer 404, never 500", async ({ page }) => {
  await signIn(page, { account: "Dana Recruiter", employer: "Acme Robotics" });
  for (const path of HOSTILE_PAGES) {
    const response = await page.request.get(path, { headers: { accept: "text/html" } });
    expect(response.status(), path.slice(0, 40)).toBe(404);
  }
  const response = await page.goto("/interviews/%zz");
  expect(response?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { level: 1, name: "This page does not exist" }),
  ).toBeVisible();
});

test("hostile API URLs answer 400, never 500", async ({ request }) => {
  for (const path of ["/api/auth/%zz", "/api/indeed/%", `/api/auth/${"c".repeat(5000)}`]) {
    const response = await request.get(path, { headers: { accept: "application/json" } });
    expect(response.status(), path.slice(0, 40)).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_REQUEST" } });
  }
});
