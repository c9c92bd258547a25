import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/sign-in";
import { sandboxUrl } from "./support/urls";

// Dana, the first member (so the admin) of Globex Logistics, answers a demo applicant's data
// requests: an access request whose export holds the interview, the recording's state at
// Indeed and the audit entries; then an erasure, with the upcoming interview cancelled at Indeed
// first, after which Lobby shows the applicant nowhere but in the fulfilment record. (The scan
// of every table and schema is lib/privacy/privacy.int.test.ts's: the e2e app's embedded
// database belongs to its process.)

const ACCOUNT = { account: "Dana Recruiter", employer: "Globex Logistics" };
const NORA = { name: "Nora Lindqvist", email: "nora.lindqvist@example.com", id: "DEMO-APP-1030" };

async function typeSegments(page: Page, label: string, digits: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(digits);
}

async function recordRequest(page: Page, kind: "Access" | "Erasure") {
  await page.goto("/privacy/requests");
  await page.getByLabel("Job seeker's email address").fill(NORA.email.toUpperCase());
  await page.getByRole("radio", { name: new RegExp(`^${kind}`) }).check();
  await page.getByRole("button", { name: "Record the request" }).click();
  await expect(page).toHaveURL(/\/privacy\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${kind}`) })).toBeVisible();
}

test("an applicant's access request exports their interview, its recording and the audit trail; their erasure leaves only the fulfilment record", async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  await signIn(page, ACCOUNT);
  await page.goto("/applications"); // seeds the demo applicants
  await page.goto("/applications?q=Lindqvist");
  await expect(page.getByRole("link", { name: NORA.name, exact: true })).toBeVisible();

  // An interview with Nora, and a session held at Indeed with its recording.
  await page.goto(`/interviews/new?applicationId=${NORA.id}`);
  await expect(page.getByLabel("Interviewee email")).toHaveValue(NORA.email);
  await typeSegments(page, "Date", "03142031");
  await typeSegments(page, "Start time", "1000A");
  await typeSegments(page, "End date", "03142031");
  await typeSegments(page, "End time", "1045A");
  await page.getByRole("button", { name: "Schedule interview" }).click();
  await expect(page).toHaveURL(/\/interviews\/(?!new)[^/?]+$/);
  const eventId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  const uuid = Buffer.from(eventId, "base64").toString("utf8").split("/").pop();
  const held = await request.post(`${sandboxUrl}/_sandbox/events/${uuid}/sessions`, {
    data: { recording: "available", processingMinutes: 0 },
  });
  expect(held.ok(), await held.text()).toBe(true);

  // The privacy page leads a signed-in employer to the requests.
  await page.goto("/privacy");
  await expect(page.getByTestId("indeed-disclosure")).toContainText(
    "the title of the job you applied to",
  );
  await page.getByRole("link", { name: "Data requests" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Data requests" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Access: everything about Nora on one screen, then the export.
  await recordRequest(page, "Access");
  const data = page.getByTestId("personal-data");
  await expect(data).toContainText(`${NORA.name} — Warehouse Operations Lead`);
  await expect(data.getByTestId("recording-state")).toContainText("Recording available");
  await expect(data).toContainText("Scheduled an interview");
  await expectNoAxeViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the export (JSON)" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, "utf8")) as {
    email: string;
    applications: { name: string }[];
    interviews: {
      indeedEventId: string;
      indeed: { shown: boolean; recordings: { state: string; available: boolean }[] };
    }[];
    auditEntries: { action: string }[];
  };
  expect(exported.email).toBe(NORA.email);
  expect(exported.applications.map((a) => a.name)).toEqual([NORA.name]);
  expect(exported.interviews.map((i) => i.indeedEventId)).toEqual([eventId]);
  expect(exported.interviews[0]!.indeed.shown).toBe(true);
  expect(exported.interviews[0]!.indeed.recordings).toEqual([
    expect.objectContaining({
      available: true,
      state: expect.stringMatching(/^Recording available/),
    }),
  ]);
  expect(exported.auditEntries.map((e) => e.action)).toEqual(
    expect.arrayContaining(["interview.create", "data_request.record"]),
  );

  await page.getByRole("link", { name: "Printable report" }).click();
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: `What Globex Logistics holds about ${NORA.email}`,
    }),
  ).toBeVisible();
  await expect(page.getByTestId("recording-state")).toContainText("Recording available");
  await expectNoAxeViolations(page);
  // Printed: the report alone, without the app's navigation or the report's buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByTestId("personal-data")).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await page.goto("/privacy/requests");
  await expect(page.getByRole("row", { name: new RegExp(NORA.email) })).toContainText("Fulfilled");

  // Erasure: the upcoming interview is cancelled at Indeed first, then Lobby forgets her.
  await recordRequest(page, "Erasure");
  await expect(page.getByRole("checkbox", { name: new RegExp(NORA.name) })).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Cancel the chosen interviews" }).click();
  await expect(page.getByText("1 interview canceled at Indeed.")).toBeVisible();
  const event = (await (
    await request.get(`${sandboxUrl}/_sandbox/events/${uuid}`, {
      headers: { accept: "application/json" },
    })
  ).json()) as { status: string };
  expect(event.status).toBe("CANCELED");

  await page.getByRole("button", { name: "Carry out the erasure" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Erase this job seeker's data?" });
  await confirm.getByRole("button", { name: "Erase their data" }).click();
  const record = page.getByTestId("fulfilment-record");
  await expect(record).toContainText("Lobby keeps only this record");
  await expect(record).toContainText("by Dana Recruiter");
  await expect(record).not.toContainText(NORA.email);
  await expectNoAxeViolations(page);

  // Nowhere else in Lobby: the list, the applications, the application, the interview.
  await page.goto("/privacy/requests");
  await expect(page.getByRole("main")).not.toContainText(NORA.email);
  await expect(page.getByRole("link", { name: "Erased" })).toHaveCount(2);
  for (const search of ["Lindqvist", NORA.email]) {
    await page.goto(`/applications?q=${encodeURIComponent(search)}`);
    await expect(page.getByText("No application matches these filters.")).toBeVisible();
  }
  await page.goto(`/applications/${NORA.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^erased-/);
  await expect(page.getByRole("main")).not.toContainText(NORA.email);
});
