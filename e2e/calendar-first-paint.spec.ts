import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { agendaLink } from "./support/agenda";
import { seedDemo } from "./support/demo-data";
import { signIn } from "./support/sign-in";
import { sandboxUrl } from "./support/urls";

// The calendar's first page comes with the HTML, in a stated zone, and nothing reads it again
// after hydration: not the browser, not a second render on the server (issue 16; ADR 0089).

const DANA = { account: "Dana Recruiter", employer: "Acme Robotics" };
const FIRMWARE = "Firmware developer: technical interview";
const PATH = "/interviews?range=last-7-days";

test.beforeAll(async () => {
  await seedDemo();
});

/** The FindInterviews calls the browser sends from now on, by their `after` cursor. */
function browserFindInterviews(page: Page): Array<string | null> {
  const afters: Array<string | null> = [];
  page.on("request", (request) => {
    if (request.method() !== "POST" || !request.url().endsWith("/api/indeed/graphql")) return;
    const body = request.postDataJSON() as {
      operationName?: string;
      variables?: { after?: string | null };
    };
    if (body.operationName === "FindInterviews") afters.push(body.variables?.after ?? null);
  });
  return afters;
}

type JournalEntry = { seq: number; operationName?: string };

async function journal(request: APIRequestContext, since = 0): Promise<JournalEntry[]> {
  const response = await request.get(
    `${sandboxUrl}/_sandbox/journal?kind=graphql&operation=FindInterviews&since=${since}`,
  );
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { entries: JournalEntry[] }).entries;
}

test("the server's HTML holds the first page's agenda in a stated zone, and it is read from Indeed once", async ({
  page,
  request,
}) => {
  await signIn(page, DANA);
  // Without a zone cookie the server renders in the employer's zone (or UTC) and says so.
  await page.context().clearCookies({ name: "lobby-viewer-zone" });
  // React separates text parts with empty comments.
  const html = (await (await page.request.get(PATH)).text()).replaceAll("<!-- -->", "");
  expect(html).toMatch(
    /aria-label="Interviews by day"[\s\S]*Firmware developer: technical interview/,
  );
  expect(html).toMatch(/Times and days in [A-Za-z_ /]+(,| until)/);

  // The first visit records the browser's zone (America/New_York here) and shows the page in it.
  await page.goto(PATH);
  await expect(page.getByText("Times and days in America/New York, your time zone.")).toBeVisible();
  await expect(agendaLink(page, FIRMWARE)).toBeVisible();

  // A later visit: rendered in the viewer's zone by the server, read from Indeed once.
  const before = (await journal(request)).at(-1)?.seq ?? 0;
  const fromBrowser = browserFindInterviews(page);
  await page.goto(PATH);
  await expect(page.getByText("Times and days in America/New York, your time zone.")).toBeVisible();
  await expect(agendaLink(page, FIRMWARE)).toBeVisible();
  // Hydrated: a control answers (the calendar's code has arrived and taken over the HTML).
  const view = page.getByRole("radiogroup", { name: "View" });
  await expect(async () => {
    await view.getByRole("radio", { name: "Week" }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect(view.getByRole("radio", { name: "Agenda" })).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.waitForLoadState("networkidle");
  expect(fromBrowser).toEqual([]);
  expect(await journal(request, before)).toHaveLength(1);
});

test("the browser takes over the server's HTML as it is: no hydration error in either view or on an interview", async ({
  page,
}) => {
  // React reports HTML it cannot hydrate (text formatted differently by Node's and Chromium's
  // ICU, say) as an uncaught error, then throws that HTML away and renders again: a click in
  // between is lost.
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, DANA);
  for (const path of [`${PATH}&sort=endTime`, `${PATH}&view=week`]) {
    await page.goto(path);
    await expect(
      page.getByText("Times and days in America/New York, your time zone."),
    ).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  await page.goto(`${PATH}&sort=endTime`);
  await agendaLink(page, FIRMWARE).click();
  await expect(page.getByRole("heading", { level: 1, name: FIRMWARE })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});
