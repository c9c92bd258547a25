import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { setSandboxSchema } from "./support/demo-data";
import { signIn } from "./support/sign-in";
import { sandboxUrl } from "./support/urls";

// A new employer (Sam, Initech Foods; the e2e database starts empty) schedules an interview from
// an application with the keyboard, then makes each kind of change, and after every step the
// sandbox (Indeed) holds the same state the page shows.

const ACCOUNT = { account: "sam@initech-foods.example", employer: "Initech Foods" };

interface SandboxEvent {
  status: string;
  title: string;
  startTime: string;
  endTime: string;
  timezone: string;
  interviewers: { email: string }[];
  interviewee: { name: string; email: string } | null;
  requestMetadata: Record<string, string | undefined>;
  interviewerLobbyUrl: string;
  intervieweeLobbyUrl: string | null;
}

async function sandboxEvent(request: APIRequestContext, id: string): Promise<SandboxEvent> {
  // The opaque id is base64 of iri://apis.indeed.com/VirtualInterviewEvent/<uuid>; the sandbox
  // takes the bare uuid too, which needs no escaping in a path.
  const uuid = Buffer.from(id, "base64").toString("utf8").split("/").pop();
  const response = await request.get(`${sandboxUrl}/_sandbox/events/${uuid}`, {
    headers: { accept: "application/json" },
  });
  expect(response.ok(), `${id} → ${uuid}: ${response.status()} ${await response.text()}`).toBe(
    true,
  );
  return (await response.json()) as SandboxEvent;
}

interface MailboxMessage {
  subject: string;
  text: string;
  raw: string;
  attachments: { contentType: string; method: string | null; contentBase64: string }[];
}

/**
 * The mail the sandbox's SMTP server received for `to`, oldest first, once `count` have come
 * (the app sends from its job queue, a moment after each change), with each calendar file read.
 */
async function candidateMails(request: APIRequestContext, to: string, count: number) {
  let messages: MailboxMessage[] = [];
  await expect
    .poll(
      async () => {
        const response = await request.get(
          `${sandboxUrl}/_sandbox/mailbox/messages?to=${encodeURIComponent(to)}`,
        );
        messages = ((await response.json()) as { messages: MailboxMessage[] }).messages;
        return messages.length;
      },
      { timeout: 30_000 },
    )
    .toBe(count);
  return messages.reverse().map((message) => {
    const file = message.attachments.find((a) => a.contentType.startsWith("text/calendar"));
    const body = Buffer.from(file?.contentBase64 ?? "", "base64").toString("utf8");
    return {
      ...message,
      calendar: {
        body,
        method: file?.method ?? null,
        uid: /^UID:(.+)$/m.exec(body)?.[1]?.trim(),
        sequence: Number(/^SEQUENCE:(\d+)$/m.exec(body)?.[1]),
      },
    };
  });
}

/** Types into a field reached by focus, never by the mouse. */
async function typeInto(field: Locator, text: string, { replace = true } = {}) {
  await field.focus();
  if (replace) {
    await field.page().keyboard.press("ControlOrMeta+a");
    await field.page().keyboard.press("Backspace");
  }
  await field.page().keyboard.type(text);
}

/** Native date and time inputs take their segments typed in order (en-US: MMDDYYYY, hhmmA/P). */
async function typeSegments(field: Locator, digits: string) {
  await field.focus();
  await field.page().keyboard.type(digits);
}

async function pickFromCombobox(page: Page, combobox: Locator, search: string) {
  await combobox.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.type(search);
  // The list filters as one types; Enter picks the highlighted (first) match.
  await expect(page.getByRole("option", { name: new RegExp(search) }).first()).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await page.keyboard.press("Enter");
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
}

async function pressWithKeyboard(target: Locator) {
  await target.focus();
  await target.page().keyboard.press("Enter");
}

function graphqlRequests(page: Page): { names: string[] } {
  const seen = { names: [] as string[] };
  page.on("request", (request) => {
    if (request.url().includes("/api/indeed/graphql")) {
      seen.names.push(
        (request.postDataJSON() as { operationName?: string } | null)?.operationName ?? "?",
      );
    }
  });
  return seen;
}

/** Signs in and opens the applications page once, which seeds the demo applicants. */
async function signInWithDemoData(page: Page) {
  await signIn(page, ACCOUNT);
  await page.goto("/applications");
  await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();
}

test.describe.configure({ mode: "serial" });

// The "guide-schema" project (playwright.config.ts) runs the scheduling flow with the sandbox
// refusing every input Indeed's guide does not show, against an app that sends only that.
const guideSchema = () => test.info().project.name === "guide-schema";

// `request` is made per test; hooks that run once make their own.
test.beforeAll(async ({ playwright }) => {
  const api = await playwright.request.newContext();
  await setSandboxSchema(api, guideSchema() ? "guide" : "extended");
  await api.dispose();
});

test.afterAll(async ({ playwright }) => {
  const api = await playwright.request.newContext();
  await setSandboxSchema(api, "extended");
  await api.dispose();
});

test("a new employer schedules an interview from an application and changes it, Indeed agreeing at each step", async ({
  page,
  request,
}) => {
  test.setTimeout(150_000); // six Indeed round trips, each checked against the sandbox
  // This test counts Amara's mail: start from an empty mailbox (the other project sent some).
  await request.post(`${sandboxUrl}/_sandbox/mailbox/clear`, { data: {} });
  await signIn(page, ACCOUNT);

  await page.goto("/applications");
  await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();
  await expect(
    page.getByRole("link", { name: /Create interview with Indeed/ }).first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Amara Okafor", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Amara Okafor" })).toBeVisible();
  await expect(page.getByText("No interview scheduled yet.")).toBeVisible();
  await expectNoAxeViolations(page);

  await pressWithKeyboard(page.getByRole("link", { name: "Create interview with Indeed" }));
  await expect(page).toHaveURL(/\/interviews\/new\?applicationId=DEMO-APP-1001/);
  await expect(page.getByLabel("Title")).toHaveValue(
    "Interview with Amara Okafor for Senior Software Engineer",
  );
  await expect(page.getByLabel("Interviewee email")).toHaveValue("amara.okafor@example.com");
  await expectNoAxeViolations(page);

  // Keyboard only: 10:30–11:15 on 10 Feb 2027 in India (UTC+05:30).
  await typeSegments(page.getByLabel("Date", { exact: true }), "02102027");
  await typeSegments(page.getByLabel("Start time"), "1030A");
  await typeSegments(page.getByLabel("End date"), "02102027");
  await typeSegments(page.getByLabel("End time"), "1115A");
  await pickFromCombobox(
    page,
    page.getByRole("combobox", { name: "Time zone", exact: true }),
    "Kolkata",
  );
  await expect(page.getByRole("combobox", { name: "Time zone", exact: true })).toContainText(
    "Asia/Kolkata",
  );
  await typeInto(page.getByLabel("Interviewers", { exact: true }), "ivy@acme-robotics.example", {
    replace: false,
  });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Interviewers added" })).toContainText(
    "ivy@acme-robotics.example",
  );
  await expect(page.getByText("2 of 49, you included")).toBeVisible();
  await pressWithKeyboard(page.getByRole("button", { name: "Schedule interview" }));

  await expect(page).toHaveURL(/\/interviews\/(?!new)[^/?]+$/);
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: "Interview with Amara Okafor for Senior Software Engineer",
    }),
  ).toBeVisible();
  await expect(page.getByText("Interview scheduled", { exact: true })).toBeVisible();
  await expect(page.getByText("Scheduled", { exact: true })).toBeVisible();
  const eventId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);

  let event = await sandboxEvent(request, eventId);
  const intervieweeLobbyUrl = event.intervieweeLobbyUrl!;
  const interviewerLobbyUrl = event.interviewerLobbyUrl;
  expect(event).toMatchObject({
    status: "SCHEDULED",
    title: "Interview with Amara Okafor for Senior Software Engineer",
    startTime: "2027-02-10T05:00:00+00:00",
    endTime: "2027-02-10T05:45:00+00:00",
    timezone: "Asia/Kolkata",
    interviewee: { name: "Amara Okafor", email: "amara.okafor@example.com" },
  });
  // The job goes to Indeed only where its schema takes it: the guide's requestMetadata has none.
  const { atsName, employerName, jobId, jobTitle } = event.requestMetadata;
  expect({ atsName, employerName }).toEqual({ atsName: "Lobby", employerName: "Initech Foods" });
  expect({ jobId: jobId ?? null, jobTitle: jobTitle ?? null }).toEqual(
    guideSchema()
      ? { jobId: null, jobTitle: null }
      : { jobId: "DEMO-JOB-ENG", jobTitle: "Senior Software Engineer" },
  );
  expect(event.interviewers.map((i) => i.email)).toEqual([
    "sam@initech-foods.example",
    "ivy@acme-robotics.example",
  ]);
  await expect(page.getByRole("link", { name: event.interviewerLobbyUrl })).toBeVisible();
  await expect(page.getByRole("link", { name: event.intervieweeLobbyUrl! })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy the interviewer lobby link" })).toBeVisible();
  await expect(page.getByTestId("event-time")).toContainText("10:30");
  await expect(page.getByText(/In your time zone \(America\/New York\)/)).toContainText("12:00");
  await expect(page.getByRole("button", { name: "Add interviewee" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Reschedule: one hour later, in the event's zone.
  await pressWithKeyboard(page.getByRole("button", { name: "Reschedule" }));
  const reschedule = page.getByRole("dialog", { name: "Reschedule the interview" });
  await expectNoAxeViolations(page);
  await typeSegments(reschedule.getByLabel("Start time"), "1130A");
  await typeSegments(reschedule.getByLabel("End time"), "1215P");
  await pressWithKeyboard(reschedule.getByRole("button", { name: "Reschedule" }));
  await expect(reschedule).toBeHidden();
  await expect(page.getByTestId("event-time")).toContainText("11:30");
  event = await sandboxEvent(request, eventId);
  expect(event).toMatchObject({
    startTime: "2027-02-10T06:00:00+00:00",
    endTime: "2027-02-10T06:45:00+00:00",
  });

  // Add two interviewers.
  await pressWithKeyboard(page.getByRole("button", { name: "Add interviewers" }));
  const addInterviewers = page.getByRole("dialog", { name: "Add interviewers" });
  const emails = addInterviewers.getByLabel("Interviewer emails");
  await typeInto(emails, "pat@initech-foods.example", { replace: false });
  await page.keyboard.press("Enter");
  await page.keyboard.type("lee@initech-foods.example");
  await page.keyboard.press("Enter");
  await pressWithKeyboard(addInterviewers.getByRole("button", { name: "Add interviewers" }));
  await expect(addInterviewers).toBeHidden();
  await expect(page.getByRole("heading", { name: "Interviewers (4)" })).toBeVisible();
  event = await sandboxEvent(request, eventId);
  expect(event.interviewers.map((i) => i.email)).toEqual([
    "sam@initech-foods.example",
    "ivy@acme-robotics.example",
    "pat@initech-foods.example",
    "lee@initech-foods.example",
  ]);

  // Change the title.
  await pressWithKeyboard(page.getByRole("button", { name: "Change title" }));
  const titleDialog = page.getByRole("dialog", { name: "Change the title" });
  await typeInto(titleDialog.getByLabel("Title"), "Final round with Amara");
  await pressWithKeyboard(titleDialog.getByRole("button", { name: "Save title" }));
  await expect(
    page.getByRole("heading", { level: 1, name: "Final round with Amara" }),
  ).toBeVisible();
  expect((await sandboxEvent(request, eventId)).title).toBe("Final round with Amara");

  // Change the time zone: the moment stays, only the zone it is shown in changes.
  await pressWithKeyboard(page.getByRole("button", { name: "Change time zone" }));
  const zoneDialog = page.getByRole("dialog", { name: "Change the time zone" });
  await expect(zoneDialog).toContainText("stays at the same moment");
  await pickFromCombobox(
    page,
    zoneDialog.getByRole("combobox", { name: "Time zone", exact: true }),
    "Los Angeles",
  );
  await pressWithKeyboard(zoneDialog.getByRole("button", { name: "Change time zone" }));
  await expect(page.getByTestId("event-timezone")).toHaveText("America/Los_Angeles");
  await expect(page.getByTestId("event-time")).toContainText("10:00");
  event = await sandboxEvent(request, eventId);
  expect(event).toMatchObject({
    timezone: "America/Los_Angeles",
    startTime: "2027-02-10T06:00:00+00:00",
  });

  // Cancel, with a reason Lobby keeps.
  await pressWithKeyboard(page.getByRole("button", { name: "Cancel interview" }));
  const confirm = page.getByRole("alertdialog", { name: "Cancel this interview?" });
  await expectNoAxeViolations(page);
  await typeInto(confirm.getByLabel("Reason (optional)"), "Position filled", { replace: false });
  await pressWithKeyboard(confirm.getByRole("button", { name: "Cancel interview" }));
  await expect(confirm).toBeHidden();
  await expect(page.getByText("This interview was canceled: Position filled")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reschedule" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel interview" })).toHaveCount(0);
  expect((await sandboxEvent(request, eventId)).status).toBe("CANCELED");
  await expectNoAxeViolations(page);

  // Amara was told each time, by mail with a calendar file: invited, three updates (time, title,
  // zone; added interviewers are not her business), then the cancellation with its reason.
  const mails = await candidateMails(request, "amara.okafor@example.com", 5);
  expect(mails.map((mail) => mail.calendar.method)).toEqual([
    "REQUEST",
    "REQUEST",
    "REQUEST",
    "REQUEST",
    "CANCEL",
  ]);
  expect(mails.map((mail) => mail.calendar.sequence)).toEqual([0, 1, 2, 3, 4]);
  expect(new Set(mails.map((mail) => mail.calendar.uid)).size).toBe(1);
  const [invitation, rescheduled] = mails;
  expect(invitation!.text).toContain(intervieweeLobbyUrl);
  expect(invitation!.text).toMatch(/10:30.{1,3}11:15 \(Asia\/Kolkata, UTC\+05:30\)/);
  expect(rescheduled!.text).toMatch(/11:30.{1,3}12:15 \(Asia\/Kolkata, UTC\+05:30\)/);
  for (const mail of mails) expect(mail.raw).not.toContain(interviewerLobbyUrl);
  expect(mails[4]!.text).toContain("Position filled");
  expect(mails[4]!.calendar.body).toContain("STATUS:CANCELLED");

  // The event page lists what was sent, version by version.
  await page.goto(`/interviews/${encodeURIComponent(eventId)}`);
  const history = page.getByRole("region", { name: "Messages to the interviewee" });
  await expect(history.getByRole("listitem")).toHaveCount(5);
  await expect(history.getByText("Sent", { exact: true })).toHaveCount(5);
  await expect(history).toContainText("version 4");

  // The applicant's page and the interviews list show it from Lobby's ledger.
  await page.goto("/applications");
  await page.getByRole("link", { name: "Amara Okafor", exact: true }).click();
  const listed = page.getByRole("link", { name: "Final round with Amara" });
  await expect(listed).toBeVisible();
  await expect(page.getByText("Canceled", { exact: true })).toBeVisible();
  // The calendar reads Indeed for a range: the rescheduled interview is on 10 Feb 2027, and a
  // canceled one still shows (struck through) unless the user hides canceled interviews.
  await page.goto("/interviews?range=custom&from=2027-02-01&to=2027-02-28");
  await expect(page.getByRole("link", { name: "Final round with Amara" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("invalid input shows an inline error at each field and sends nothing to Indeed", async ({
  page,
}) => {
  await signInWithDemoData(page);
  await page.goto("/interviews/new?applicationId=DEMO-APP-1002");
  await expect(page.getByLabel("Title")).toHaveValue(/Interview with Liam Chen/);
  const sent = graphqlRequests(page);

  const title = page.getByLabel("Title");
  await typeInto(title, " ");
  await page.keyboard.press("Tab");
  await expect(page.getByText("Enter a title.")).toBeVisible();
  await expect(title).toHaveAttribute("aria-invalid", "true");

  await pickFromCombobox(
    page,
    page.getByRole("combobox", { name: "Time zone", exact: true }),
    "Los Angeles",
  );
  await typeSegments(page.getByLabel("Date", { exact: true }), "03142027");
  await typeSegments(page.getByLabel("End date"), "03142027");
  await typeSegments(page.getByLabel("Start time"), "0230A");
  await typeSegments(page.getByLabel("End time"), "0400A");
  await expect(
    page.getByText(/02:30 on 2027-03-14 does not exist in America\/Los_Angeles/),
  ).toBeVisible();

  await typeSegments(page.getByLabel("Start time"), "1100A");
  await typeSegments(page.getByLabel("End time"), "1000A");
  await page.keyboard.press("Tab");
  await expect(page.getByText("The end must be after the start.")).toBeVisible();
  await expect(page.getByLabel("End time")).toHaveAttribute("aria-invalid", "true");

  await typeInto(page.getByLabel("Interviewers", { exact: true }), "not-an-email", {
    replace: false,
  });
  await page.keyboard.press("Enter");
  await expect(
    page.getByText("not-an-email: Enter a valid email address, like name@example.com."),
  ).toBeVisible();

  await typeInto(page.getByLabel("Interviewee email"), "liam@");
  await page.keyboard.press("Tab");
  await expect(
    page.getByText("Enter a valid email address, like name@example.com.", { exact: true }),
  ).toBeVisible();

  await pressWithKeyboard(page.getByRole("button", { name: "Schedule interview" }));
  await expect(page.getByLabel("Title")).toBeFocused();
  await expectNoAxeViolations(page);
  expect(sent.names).toEqual([]);
});

test("a double-click on submit creates one event", async ({ page }) => {
  await signInWithDemoData(page);
  await page.goto("/interviews/new?applicationId=DEMO-APP-1003");
  await typeSegments(page.getByLabel("Date", { exact: true }), "02112027");
  await typeSegments(page.getByLabel("End date"), "02112027");
  const sent = graphqlRequests(page);
  await page.getByRole("button", { name: "Schedule interview" }).dblclick();
  await expect(page).toHaveURL(/\/interviews\/(?!new)[^/?]+$/);
  expect(sent.names.filter((name) => name === "CreateInterview")).toHaveLength(1);
  await page.goto("/applications/DEMO-APP-1003");
  await expect(
    page.getByRole("list").getByRole("link", { name: /Interview with Sofia Rossi/ }),
  ).toHaveCount(1);
});

test("the button works without JavaScript, and the gallery and import pages pass axe", async ({
  page,
  browser,
}) => {
  await signInWithDemoData(page);
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto("/applications?q=Noah");
  await plain.getByRole("link", { name: "Create interview with Indeed for Noah Williams" }).click();
  await expect(plain).toHaveURL(
    /\/interviews\/new\?applicationId=DEMO-APP-1004&name=Noah\+Williams/,
  );
  await expect(plain.getByLabel("Title")).toHaveValue(
    "Interview with Noah Williams for Data Analyst",
  );
  await noScript.close();

  await page.goto("/button");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    "Create interview with Indeed",
  );
  await expectNoAxeViolations(page);

  await page.goto("/applications/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import applications" })).toBeVisible();
  await typeInto(
    page.getByLabel("CSV text"),
    "application_id,applicant_name,applicant_email,job_id,job_title\nbad id,X,x@,J,Job",
  );
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByText("1 of 1 rows have problems")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("Indeed's refusal of a field comes back at that field", async ({ page }) => {
  await signInWithDemoData(page);
  await page.goto("/interviews/new?applicationId=DEMO-APP-1005");
  // Only Indeed knows its own clock, so a start in the past is Indeed's to refuse.
  await typeSegments(page.getByLabel("Date", { exact: true }), "01012020");
  await typeSegments(page.getByLabel("End date"), "01012020");
  const sent = graphqlRequests(page);
  await pressWithKeyboard(page.getByRole("button", { name: "Schedule interview" }));
  await expect(page.getByText(/startTime must not be in the past/)).toBeVisible();
  await expect(page.getByLabel("Start time")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Start time")).toBeFocused();
  expect(sent.names).toEqual(["CreateInterview"]);
  await expect(page).toHaveURL(/\/interviews\/new/);
});

test("another ATS page opens the form with name, email and job; the interviewee can be added once, later", async ({
  page,
  request,
}) => {
  await signInWithDemoData(page);
  await page.goto(
    "/interviews/new?name=Grace%20Hopper&email=grace%40example.com&jobTitle=Compiler%20Engineer",
  );
  await expect(page.getByLabel("Title")).toHaveValue(
    "Interview with Grace Hopper for Compiler Engineer",
  );
  await expect(page.getByLabel("Interviewee name")).toHaveValue("Grace Hopper");
  // Schedule without the interviewee, then add her from the event page.
  await typeInto(page.getByLabel("Interviewee name"), "");
  await typeInto(page.getByLabel("Interviewee email"), "");
  await typeSegments(page.getByLabel("Date", { exact: true }), "02122027");
  await typeSegments(page.getByLabel("End date"), "02122027");
  await pressWithKeyboard(page.getByRole("button", { name: "Schedule interview" }));
  await expect(page).toHaveURL(/\/interviews\/(?!new)[^/?]+$/);
  const eventId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  await expect(page.getByText("None yet.", { exact: true })).toBeVisible();
  expect((await sandboxEvent(request, eventId)).interviewee).toBeNull();

  await pressWithKeyboard(page.getByRole("button", { name: "Add interviewee" }));
  const dialog = page.getByRole("dialog", { name: "Add the interviewee" });
  await typeInto(dialog.getByLabel("Email"), "grace@");
  await page.keyboard.press("Tab");
  await expect(
    dialog.getByText("Enter a valid email address, like name@example.com."),
  ).toBeVisible();
  await typeInto(dialog.getByLabel("Name"), "Grace Hopper");
  await typeInto(dialog.getByLabel("Email"), "grace@example.com");
  await pressWithKeyboard(dialog.getByRole("button", { name: "Add interviewee" }));
  await expect(page.getByTestId("interviewee")).toHaveText("Grace Hopper · grace@example.com");
  await expect(page.getByRole("button", { name: "Add interviewee" })).toHaveCount(0);
  const event = await sandboxEvent(request, eventId);
  expect(event.interviewee).toEqual({ name: "Grace Hopper", email: "grace@example.com" });
  await expect(page.getByRole("link", { name: event.intervieweeLobbyUrl! })).toBeVisible();
});

test("applications are searched, filtered and paged through the URL, and a valid CSV imports", async ({
  page,
}) => {
  await signInWithDemoData(page);
  await page.goto("/applications");
  await expect(page.getByText(/Page 1 of 2 · 36 results/)).toBeVisible();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Page 2 of 2/)).toBeVisible();

  await typeInto(page.getByRole("searchbox", { name: "Search" }), "liam.chen@");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/applications\?q=liam\.chen%40/);
  await expect(page.getByRole("link", { name: /Create interview with Indeed for/ })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Liam Chen", exact: true })).toBeVisible();

  await page.goto("/applications?q=DEMO-APP-1007");
  await expect(page.getByRole("link", { name: /Create interview with Indeed for/ })).toHaveCount(1);

  await page.goto("/applications");
  await page.getByLabel("Job").selectOption({ label: "Product Designer" });
  await page.getByLabel("Stage").selectOption({ label: "Screening" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/job=.+&stage=screening/);
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toContainText("Product Designer");
  for (const row of await rows.all().then((all) => all.slice(1))) {
    await expect(row).toContainText("Product Designer");
    await expect(row).toContainText("Screening");
  }

  await page.goto("/applications/import");
  await typeInto(
    page.getByLabel("CSV text"),
    "application_id,applicant_name,applicant_email,job_id,job_title\nCSV-1,Katherine Johnson,katherine@example.com,JOB-NASA,Mathematician",
  );
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByText("All 1 rows are valid.")).toBeVisible();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/applications\?imported=1/);
  await expect(page.getByText("Imported 1 applications.")).toBeVisible();
  await page.goto("/applications?q=Katherine");
  await expect(
    page.getByRole("link", { name: "Create interview with Indeed for Katherine Johnson" }),
  ).toBeVisible();
  await expect(page.getByRole("cell", { name: "Mathematician" })).toBeVisible();
});
