import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expectNoAxeViolations } from "./support/axe";
import { signIn, signOut } from "./support/sign-in";
import { appUrl } from "./support/urls";

// Acme Robotics' audit log. Dana and Ivy are its members; which of them signed in first (and so
// became its admin) depends on which specs ran before, so the test first makes Dana the only
// admin through the Team page, then: Dana schedules and cancels an interview, and the audit log
// shows her sign-in, the schedule and the cancel in order, filters to the event, and downloads
// exactly that as CSV. Ivy, a member, is refused the audit log and erasure.

const DANA = { account: "Dana Recruiter", employer: "Acme Robotics" };
const IVY = { account: "Ivy Interviewer", employer: "Acme Robotics" };
const KOFI = { name: "Kofi Boateng", id: "DEMO-APP-1035" };

async function typeSegments(page: Page, label: string, digits: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(digits);
}

function memberRow(page: Page, name: string) {
  return page.getByTestId("team-member").filter({ hasText: name });
}

/** The rows on the page: id and action, top to bottom. */
async function shownEntries(page: Page) {
  const rows = page.getByTestId("audit-entry");
  return rows.evaluateAll((elements) =>
    elements.map((row) => ({
      id: Number(row.getAttribute("data-entry-id")),
      action: row.getAttribute("data-action")!,
      text: row.textContent ?? "",
    })),
  );
}

test("the admin's audit log shows sign-in, schedule and cancel in order and downloads exactly the filter; a member is refused", async ({
  browser,
  page,
}) => {
  test.setTimeout(150_000);
  const ivyContext = await browser.newContext({ baseURL: appUrl });
  const ivy = await ivyContext.newPage();
  try {
    await signIn(ivy, IVY);
    await signIn(page, DANA);

    // Make Dana the one admin, whoever became admin first.
    await page.goto("/settings/team");
    await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
    if (
      (await memberRow(page, "Dana Recruiter").getByText("Admin", { exact: true }).count()) === 0
    ) {
      await ivy.goto("/settings/team");
      await ivy.getByRole("button", { name: "Make admin for Dana Recruiter" }).click();
      await expect(memberRow(ivy, "Dana Recruiter")).toContainText("Admin");
      await page.reload();
    }
    const removeIvy = page.getByRole("button", { name: "Remove admin for Ivy Interviewer" });
    if (await removeIvy.count()) {
      await removeIvy.click();
      await expect(
        page.getByRole("button", { name: "Make admin for Ivy Interviewer" }),
      ).toBeVisible();
    }
    await expect(memberRow(page, "Ivy Interviewer")).toContainText("Member");
    await expectNoAxeViolations(page);

    // A fresh sign-in, then an interview scheduled and canceled.
    await signOut(page);
    await signIn(page, DANA);
    await page.goto("/applications"); // seeds the demo applicants
    await page.goto(`/interviews/new?applicationId=${KOFI.id}`);
    await expect(page.getByLabel("Interviewee email")).toHaveValue("kofi.boateng@example.com");
    await typeSegments(page, "Date", "04152031");
    await typeSegments(page, "Start time", "1000A");
    await typeSegments(page, "End date", "04152031");
    await typeSegments(page, "End time", "1030A");
    await page.getByRole("button", { name: "Schedule interview" }).click();
    await expect(page).toHaveURL(/\/interviews\/(?!new)[^/?]+$/);
    const eventId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    await page.getByRole("button", { name: "Cancel interview" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Cancel this interview?" });
    await confirm.getByRole("button", { name: "Cancel interview" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText(/This interview was canceled/)).toBeVisible();

    // The audit log, from the navigation: Dana's entries, newest first.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Audit log" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await page
      .getByLabel("Person")
      .selectOption({ label: "Dana Recruiter (dana@acme-robotics.example)" });
    await page.getByLabel("Order").selectOption("newest");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/person=[0-9a-f-]{36}.*order=newest/);
    const dana = await shownEntries(page);
    const cancel = dana.findIndex((e) => e.action === "interview.cancel");
    const schedule = dana.findIndex((e) => e.action === "interview.create");
    const signedIn = dana.findIndex((e, index) => index > schedule && e.action === "auth.sign_in");
    // Newest first: the cancel above the schedule above the sign-in, i.e. they happened in order.
    expect(cancel).toBeGreaterThanOrEqual(0);
    expect(schedule).toBeGreaterThan(cancel);
    expect(signedIn).toBeGreaterThan(schedule);
    for (const index of [cancel, schedule]) expect(dana[index]!.text).toContain(eventId);
    expect(dana[signedIn]!.text).toContain("Signed in");
    expect(dana[signedIn]!.text).toContain("dana@acme-robotics.example");
    expect(dana[cancel]!.text).toContain("Canceled an interview");
    expect(dana.every((e) => e.text.includes("dana@acme-robotics.example"))).toBe(true);
    await expectNoAxeViolations(page);

    // Filtered to the event, oldest first: schedule, its invitation, cancel, its cancellation.
    await page.getByLabel("Event id").fill(eventId);
    await page.getByLabel("Order").selectOption("oldest");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(
      new RegExp(`event=${encodeURIComponent(eventId).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
    );
    const onEvent = await shownEntries(page);
    expect(onEvent.map((e) => e.action)).toEqual([
      "interview.create",
      "message.queue",
      "interview.cancel",
      "message.queue",
    ]);

    // The CSV is exactly the filtered list.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: /Download CSV/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parse(await readFile((await download.path())!)) as string[][];
    expect(header!.slice(0, 6)).toEqual([
      "id",
      "at_utc",
      "person_name",
      "person_email",
      "action",
      "action_label",
    ]);
    expect(rows.map((row) => ({ id: Number(row[0]), action: row[4] }))).toEqual(
      onEvent.map(({ id, action }) => ({ id, action })),
    );
    expect(rows.every((row) => row[7] === eventId)).toBe(true);

    // Ivy, a member: no Audit log in her navigation, the 403 page, the CSV refused, no erasure.
    await ivy.goto("/applications");
    await expect(
      ivy.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }),
    ).toHaveCount(0);
    await ivy.goto("/audit");
    await expect(ivy.getByTestId("forbidden")).toContainText("Only admins can open this page");
    await expectNoAxeViolations(ivy);
    expect((await ivyContext.request.get("/audit/export")).status()).toBe(403);
    await ivy.goto("/privacy/requests");
    await ivy.getByLabel("Job seeker's email address").fill("not-an-applicant@example.com");
    await ivy.getByRole("radio", { name: /^Erasure/ }).check();
    await ivy.getByRole("button", { name: "Record the request" }).click();
    await expect(ivy).toHaveURL(/\/privacy\/requests\/[0-9a-f-]{36}$/);
    await expect(
      ivy.getByText("Only an admin of this employer can carry out an erasure."),
    ).toBeVisible();
    await expect(ivy.getByRole("button", { name: "Carry out the erasure" })).toHaveCount(0);
  } finally {
    await ivyContext.close();
  }
});
