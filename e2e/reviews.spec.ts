import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { seedDemo } from "./support/demo-data";
import { signIn } from "./support/sign-in";

// Dana's review queue: past interviews, newest first, filtered on what Indeed cannot filter
// (decisions, recordings). Data: `npm run seed:demo` in the suite's sandbox (and, when the
// calendar spec ran first, its busy week of synthetic interviews with neither).

const DANA = { account: "Dana Recruiter", employer: "Acme Robotics" };

test.beforeAll(async () => {
  await seedDemo();
});

/** Interview links of the queue, page after page through "Next page", then back to the first. */
async function titlesOnEveryPage(page: Page): Promise<string[]> {
  const titles: string[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    expect(pageNumber, "more pages than the data can fill").toBeLessThan(10);
    await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
    titles.push(...(await page.locator('main a[href^="/interviews/"]').allInnerTexts()));
    const next = page.getByRole("link", { name: "Next page" });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page.getByText(`Page ${pageNumber + 1}`)).toBeVisible();
  }
  return titles;
}

test("a recruiter narrows the review queue to recorded interviews still waiting for a decision", async ({
  page,
}) => {
  await signIn(page, DANA);
  await page.goto("/reviews");
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("checkbox", { name: "Has a recording" }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/recording=1/);
  const recorded = await titlesOnEveryPage(page);
  // Recorded and available; the failed, unrecorded and still-processing ones are not.
  expect(recorded).toEqual(
    expect.arrayContaining([
      "Firmware developer: technical interview",
      "Mechanical engineer: onsite debrief",
      "Controls engineer: phone screen",
      "Product manager: panel",
    ]),
  );
  expect(recorded).not.toContain("QA analyst: screening call");
  expect(recorded).not.toContain("Support engineer: final round");

  await page.goto("/reviews?recording=1");
  await page.getByRole("checkbox", { name: "Decision pending" }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/pending=1/);
  await expect(page.getByRole("checkbox", { name: "Has a recording" })).toBeChecked();
  const pending = await titlesOnEveryPage(page);
  // Everyone decided on the Adelaide interview; Dana has not on the others.
  expect(pending).not.toContain("Mechanical engineer: onsite debrief");
  expect(pending).toEqual(
    expect.arrayContaining([
      "Firmware developer: technical interview",
      "Controls engineer: phone screen",
      "Product manager: panel",
    ]),
  );
  await expectNoAxeViolations(page);

  // A row opens the interview's page, where the pending decision is named.
  await page.goto("/reviews?recording=1&pending=1");
  const findOnPage = page.getByRole("link", { name: "Controls engineer: phone screen" });
  await expect(findOnPage).toBeVisible();
  await findOnPage.click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Controls engineer: phone screen" }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Decisions" })).toContainText(
    "Not decided yet: Dana Recruiter",
  );
});
