import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { agenda, agendaLink } from "./support/agenda";
import { expectNoAxeViolations } from "./support/axe";
import {
  addBusyWeek,
  createSandboxEvent,
  sandboxNow,
  seedDemo,
  setSandboxSchema,
  type SandboxEvent,
} from "./support/demo-data";
import { signIn } from "./support/sign-in";
import { sandboxUrl } from "./support/urls";

// Dana, a recruiter at Acme Robotics, works through last week's interviews as Indeed holds them:
// `npm run seed:demo` plus a busy week of synthetic events (more than one page of Indeed's 100),
// all read from the suite's sandbox through the app.

const DANA = { account: "Dana Recruiter", employer: "Acme Robotics" };
const DAY = 86_400_000;
const PAGE_SIZE = 100;

const guideSchema = () => test.info().project.name === "guide-schema";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright }) => {
  const api = await playwright.request.newContext();
  await setSandboxSchema(api, guideSchema() ? "guide" : "extended");
  await api.dispose();
  await seedDemo();
});

test.afterAll(async ({ playwright }) => {
  const api = await playwright.request.newContext();
  await setSandboxSchema(api, "extended");
  await api.dispose();
});

/** The event as the sandbox (Indeed) holds it, from the id in a row's link. */
async function sandboxEventOf(request: APIRequestContext, link: Locator): Promise<SandboxEvent> {
  const href = await link.getAttribute("href");
  const id = decodeURIComponent(href?.split("/interviews/")[1] ?? "");
  const response = await request.get(`${sandboxUrl}/_sandbox/events/${encodeURIComponent(id)}`, {
    headers: { accept: "application/json" },
  });
  expect(response.ok(), `${href}: ${response.status()}`).toBe(true);
  return (await response.json()) as SandboxEvent;
}

/** "9:00 – 10:00 AM" as en-US shows a time range in `zone`. */
function timeRange(event: Pick<SandboxEvent, "startTime" | "endTime">, zone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hour: "numeric",
    minute: "2-digit",
  }).formatRange(new Date(event.startTime), new Date(event.endTime));
}

const FIRMWARE = "Firmware developer: technical interview";
const ADELAIDE = "Mechanical engineer: onsite debrief";

/** The agenda's first list item holding an interview's link. */
function agendaRow(page: Page, title: string): Locator {
  return agenda(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: title, exact: true }) })
    .first();
}

/**
 * Scrolls the agenda, as a person would, until an interview's link is in view: the list is
 * virtualised, so rows further down are not rendered until scrolled to (the wheel), and a row
 * rendered just below the fold is scrolled to directly.
 */
async function scrollAgendaTo(page: Page, title: string): Promise<Locator> {
  const link = agendaLink(page, title);
  await agenda(page).hover();
  await expect(async () => {
    // Rendered just out of view (the list renders a few rows beyond it), or not yet rendered.
    if ((await link.count()) > 0) await link.scrollIntoViewIfNeeded();
    else await page.mouse.wheel(0, 300);
    await expect(link).toBeInViewport({ timeout: 250 });
  }).toPass({ timeout: 15_000 });
  return link;
}

/** The interview links the agenda has rendered now (it is virtualised: the rows in view). */
async function renderedTitles(page: Page): Promise<string[]> {
  return agenda(page).getByRole("listitem").getByRole("link").allInnerTexts();
}

/** Titles in order, an interview listed on two days in a row (over midnight) counted once. */
function inOrder(titles: string[]): string[] {
  return titles.filter((title, index) => title !== titles[index - 1]);
}

async function total(page: Page): Promise<number> {
  const text = await page.getByTestId("calendar-total").innerText();
  const match = /^([\d,]+) interviews?$/.exec(text.trim());
  expect(match, `calendar total "${text}"`).not.toBeNull();
  return Number(match![1]!.replaceAll(",", ""));
}

test("a recruiter goes through last week by end time: two pages, event zones, the week grid, the CSV", async ({
  page,
  request,
}) => {
  await addBusyWeek(request, 150);
  await signIn(page, DANA);

  await page.goto("/interviews");
  await expect(page.getByRole("heading", { level: 1, name: "Interviews" })).toBeVisible();
  await page
    .getByRole("radiogroup", { name: "Date range" })
    .getByRole("radio", { name: "Last 7 days" })
    .click();
  await expect(page).toHaveURL(/range=last-7-days/);
  await page.getByLabel("Sort by").selectOption({ label: "End time" });
  await expect(page).toHaveURL(/sort=endTime/);
  await expect(agenda(page).getByRole("link").first()).toBeVisible();
  expect(await total(page)).toBeGreaterThan(PAGE_SIZE);
  await expectNoAxeViolations(page);

  // Ending first in the range: the demo's two oldest interviews, before the busy days.
  const firstPage = await renderedTitles(page);
  expect(inOrder(firstPage).slice(0, 2)).toEqual([FIRMWARE, ADELAIDE]);

  // Second page and back.
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page.getByText("Page 2")).toBeVisible();
  await expect(page).toHaveURL(/cursor=/);
  await expect(agenda(page).getByRole("link").first()).not.toHaveText(firstPage[0]!);
  const secondPage = await renderedTitles(page);
  expect(secondPage).not.toContain(FIRMWARE);
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(agenda(page).getByRole("link").first()).toHaveText(firstPage[0]!);

  // Times in each interview's own zone: Los Angeles, and Adelaide half an hour off the hour.
  const firmware = await sandboxEventOf(request, agendaLink(page, FIRMWARE));
  const adelaide = await sandboxEventOf(request, agendaLink(page, ADELAIDE));
  await expect(agendaRow(page, ADELAIDE)).toContainText(timeRange(adelaide, "America/New_York"));
  await page
    .getByRole("radiogroup", { name: "Show times in" })
    .getByRole("radio", { name: /Each interview/ })
    .click();
  await expect(page).toHaveURL(/zone=event/);
  await expect(agendaRow(page, ADELAIDE)).toContainText(timeRange(adelaide, "Australia/Adelaide"));
  await expect(agendaRow(page, ADELAIDE)).toContainText("Australia/Adelaide");
  await expect(agendaRow(page, FIRMWARE)).toContainText(timeRange(firmware, "America/Los_Angeles"));

  // The week grid holds the same interviews, in their zones too.
  await page.getByRole("radiogroup", { name: "View" }).getByRole("radio", { name: "Week" }).click();
  await expect(page).toHaveURL(/view=week/);
  const week = page.getByRole("region", { name: /^Week of / });
  await expect(week).toBeVisible();
  const adelaideBlock = week.getByRole("link", { name: new RegExp(ADELAIDE) }).first();
  // The grid opens on today's week; five days ago may be the week before.
  const previousWeek = page.getByRole("button", { name: "Previous week" });
  if ((await adelaideBlock.count()) === 0) await previousWeek.click();
  await expect(adelaideBlock).toBeVisible();
  await expect(adelaideBlock).toContainText(timeRange(adelaide, "Australia/Adelaide"));
  await expectNoAxeViolations(page);
  await page
    .getByRole("radiogroup", { name: "View" })
    .getByRole("radio", { name: "Agenda" })
    .click();
  await expect(page).not.toHaveURL(/view=week/);

  // The CSV of the range: every interview the list counts, by end time, with the same ids and
  // titles as the rows on screen (an interview over midnight is listed on both days).
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^interviews-.+\.csv$/);
  const records = parse(await readFile((await download.path())!), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  expect(records).toHaveLength(await total(page));
  const ends = records.map((record) => Date.parse(record.end!));
  expect(ends.every(Number.isFinite)).toBe(true);
  expect(ends).toEqual([...ends].sort((a, b) => a - b));
  expect(records[0]!.title).toBe(FIRMWARE);
  const titlesById = new Map(records.map((record) => [record.event_id, record.title]));
  const shownLinks = await agenda(page).getByRole("listitem").getByRole("link").all();
  expect(shownLinks.length).toBeGreaterThan(5);
  for (const link of shownLinks) {
    const id = decodeURIComponent((await link.getAttribute("href"))!.split("/interviews/")[1]!);
    expect(titlesById.get(id), id).toBe(await link.innerText());
  }
});

/**
 * The text of the agenda row at the top edge of its viewport. Rows a new page adds further down
 * (the same day's later interviews) may come into view below it; that row does not move.
 */
async function rowAtTop(page: Page): Promise<string> {
  return agenda(page).evaluate((region) => {
    const box = region.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + 24, box.top + 2);
    return hit?.closest('[role="listitem"]')?.textContent ?? "";
  });
}

/** Dana's last seven days, once the page is in her browser's zone. */
async function openLastSevenDays(page: Page): Promise<void> {
  await signIn(page, DANA);
  await page.goto("/interviews?range=last-7-days");
  // The first visit renders in a guessed zone, then again in the browser's: read after that.
  await expect(page.getByText(/, your time zone\./)).toBeVisible();
  await expect(agenda(page).getByRole("link").first()).toBeVisible();
}

/** Waits until the agenda has stopped scrolling (a wheel's scroll is animated). */
async function scrollSettled(page: Page): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const top = await agenda(page).evaluate((region) => region.scrollTop);
        const still = top === last;
        last = top;
        return still;
      },
      { intervals: [100] },
    )
    .toBe(true);
}

test("scrolling the agenda to its end reads the next pages, and no row moves as the list turns virtual and grows", async ({
  page,
  request,
}) => {
  await addBusyWeek(request, 300);
  await openLastSevenDays(page);
  const count = await total(page);
  expect(count).toBeGreaterThan(3 * PAGE_SIZE);

  // Indeed answers slowly from now on, and the scripts the page loads on demand arrive late, so
  // the row in view can be read before the virtual list takes over and before each page arrives.
  await page.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  const faults = `${sandboxUrl}/_sandbox/faults/graphql`;
  const slow = await request.post(faults, {
    data: {
      operationName: "FindInterviews",
      code: "INTERNAL_SERVER_ERROR",
      rate: 0,
      latencyMs: 2_000,
    },
  });
  expect(slow.ok()).toBe(true);
  try {
    const loading = page.getByRole("status").filter({ hasText: "Loading more interviews…" });
    const sizes = () => agenda(page).getByRole("listitem").first().getAttribute("aria-setsize");
    await agenda(page).hover();
    for (let round = 0; round < 8 && (await sizes()) === "-1"; round++) {
      await page.mouse.wheel(0, 50_000);
      await expect(loading).toBeVisible();
      await scrollSettled(page);
      const before = await rowAtTop(page);
      expect(before).not.toBe("");
      await expect(loading).toBeHidden({ timeout: 10_000 });
      // The list became virtual, and the new page was added: the row at the top did not move.
      expect(await rowAtTop(page)).toBe(before);
    }
    // The whole range is read: every interview is a row (with its day headings), but the DOM
    // holds only those in view.
    const setSize = Number(await sizes());
    expect(setSize).toBeGreaterThan(count);
    expect(await agenda(page).getByRole("listitem").count()).toBeLessThan(100);
    await page.mouse.wheel(0, 50_000);
    await expect(
      agenda(page).locator(`[role="listitem"][aria-posinset="${setSize}"]`),
    ).toBeInViewport();
  } finally {
    await request.post(`${faults}/clear`, { data: {} });
  }
});

test("when the connection drops before more pages' code is fetched, the agenda says so and tries again", async ({
  page,
  request,
}) => {
  await addBusyWeek(request, 120);
  await openLastSevenDays(page);
  const firstPageRows = await agenda(page).getByRole("listitem").count();

  // The page has loaded; now the scripts it loads on demand cannot be fetched.
  const scripts = "**/_next/static/chunks/**";
  await page.route(scripts, (route) => route.abort("internetdisconnected"));
  await agenda(page).hover();
  await page.mouse.wheel(0, 50_000);
  const problem = page
    .getByRole("alert")
    .filter({ hasText: "More interviews could not be loaded" });
  await expect(problem).toContainText("check your connection");
  // What was shown stays.
  await expect(agenda(page).getByRole("listitem")).toHaveCount(firstPageRows);

  await page.unroute(scripts);
  await problem.getByRole("button", { name: "Try again" }).click();
  await expect(problem).toBeHidden();
  // The next page's rows follow the first page's (the list is virtual by now: the rows in view).
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, 50_000);
      return agenda(page).evaluate((region) =>
        Math.max(
          ...[...region.querySelectorAll('[role="listitem"]')].map((item) =>
            Number(item.getAttribute("aria-posinset")),
          ),
        ),
      );
    })
    .toBeGreaterThan(firstPageRows);
});

test("an interview from the list: its lobby link copies, its recording has days left, two decisions with notes", async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const now = await sandboxNow(request);
  await signIn(page, DANA);
  await page.goto("/interviews?range=last-7-days&sort=endTime");
  const link = agendaLink(page, FIRMWARE);
  const firmware = await sandboxEventOf(request, link);
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: FIRMWARE })).toBeVisible();

  await page.getByRole("button", { name: "Copy the interviewer lobby link" }).click();
  await expect(page.getByText("Link copied")).toBeAttached();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    firmware.interviewerLobbyUrl,
  );

  const recordings = page.getByRole("region", { name: "Recordings" });
  await expect(recordings.getByRole("heading", { name: "Session 1" })).toBeVisible();
  await expect(recordings.getByRole("link", { name: "Watch recording" })).toHaveAttribute(
    "href",
    firmware.sessions[0]!.recordingUrl!,
  );
  // Indeed keeps a recording 90 days from the interview's end.
  const daysLeft = Math.floor((Date.parse(firmware.endTime) + 90 * DAY - now) / DAY);
  await expect(recordings.getByText(`${daysLeft} days left`)).toBeVisible();

  const decisions = page.getByRole("region", { name: "Decisions" });
  const decision = (who: string) => decisions.getByRole("listitem").filter({ hasText: who });
  await expect(decision("Ivy Interviewer")).toContainText("Maybe");
  await expect(decision("Ivy Interviewer")).toContainText("Solid C, unsure about RTOS depth.");
  await expect(decision("lead.engineer@acme-robotics.example")).toContainText("Yes");
  await expect(decision("lead.engineer@acme-robotics.example")).toContainText("Would hire.");
  await expect(decisions.getByText("Not decided yet: Dana Recruiter")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an interview older than 90 days, found with a custom range, says its recording expired", async ({
  page,
  request,
}) => {
  const now = await sandboxNow(request);
  await signIn(page, DANA);
  await page.goto("/interviews");
  await page
    .getByRole("radiogroup", { name: "Date range" })
    .getByRole("radio", { name: "Custom range" })
    .click();
  // The demo's oldest interview is 120 days ago; a fortnight around it.
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  await page.getByLabel("From").fill(day(now - 127 * DAY));
  await page.getByLabel("To (inclusive)").fill(day(now - 113 * DAY));
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/range=custom/);
  // Listed on both days when it runs over midnight in the viewer's zone: either row opens it.
  await agendaLink(page, "Robotics engineer: first interview").click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Robotics engineer: first interview" }),
  ).toBeVisible();
  const recordings = page.getByRole("region", { name: "Recordings" });
  await expect(recordings.getByText("Recording expired")).toBeVisible();
  await expect(recordings.getByRole("link", { name: "Watch recording" })).toHaveCount(0);
  // Its decisions outlive the recording.
  await expect(page.getByRole("region", { name: "Decisions" })).toContainText(
    "Strong on control systems.",
  );
  await expectNoAxeViolations(page);
});

test("an interview scheduled straight at Indeed, not through Lobby, appears in the list", async ({
  page,
  request,
}) => {
  const now = await sandboxNow(request);
  const made = await createSandboxEvent(request, {
    title: `Scheduled elsewhere ${now}`,
    startMs: now + DAY,
    minutes: 30,
    timezone: "Asia/Kolkata",
  });
  await signIn(page, DANA);
  await page.goto("/interviews?range=next-7-days");
  // Earlier tests' interviews may come first in the range, whatever the hour of the run.
  const link = await scrollAgendaTo(page, made.title);
  await expect(link).toHaveAttribute("href", `/interviews/${encodeURIComponent(made.id)}`);
  const row = agendaRow(page, made.title);
  await expect(row).toContainText("Not scheduled in Lobby");
  await expect(row).toContainText(timeRange(made, "America/New_York"));
  await expectNoAxeViolations(page);
});

// Also run by the "guide-schema" project: an app sending only what Indeed's guide shows (no sort
// at Indeed, so each page is sorted in Lobby) against the sandbox refusing anything else.
test("the calendar and an interview's page work with only the guide's schema", async ({ page }) => {
  await signIn(page, DANA);
  await page.goto("/interviews?range=last-7-days&sort=endTime&dir=desc");
  await expect(page.getByRole("heading", { level: 1, name: "Interviews" })).toBeVisible();
  await expect(agenda(page).getByRole("link").first()).toBeVisible();
  expect(await total(page)).toBeGreaterThan(0);
  await expectNoAxeViolations(page);

  await page.goto("/interviews?range=last-7-days");
  await agendaLink(page, ADELAIDE).click();
  await expect(page.getByRole("heading", { level: 1, name: ADELAIDE })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recordings" })).toContainText(/\d+ days left/);
  await expect(page.getByRole("region", { name: "Decisions" })).toContainText(
    "Ready for an offer.",
  );
  await expectNoAxeViolations(page);
});
