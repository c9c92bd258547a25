import { readdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import {
  ownSandboxAppUrl,
  startAppWithOwnSandbox,
  type AppWithOwnSandbox,
} from "./support/app-with-own-sandbox";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/sign-in";

// Issue 13, degraded not broken: with Indeed stopped (its port closed, every connection
// refused), every page of the app answers below 500; a page that needs Indeed shows the one
// "Indeed is unreachable" state with what still works and a retry, never the error page; the
// health route says Indeed is down. Once Indeed is back, the first request works: no failure
// kept in a cache, no dead keep-alive socket. The app has a sandbox of its own for this (the
// suite's serves every other spec and cannot be stopped).

const NORA = { name: "Nora Lindqvist", email: "nora.lindqvist@example.com" };
const TITLE = "Interview while Indeed goes away";

/** Every page of the app, as its route (`/applications/[id]`), from app/**\/page.tsx. */
function appRoutes(): string[] {
  return readdirSync("app", { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)page\.tsx$/.test(file))
    .map((file) =>
      `/${file}`
        .replace(/\/page\.tsx$/, "")
        .replace(/\/\([^/]+\)/g, "")
        .replace(/^$/, "/"),
    )
    .sort();
}

/** A page answered below 500 with a heading of its own, not Next's or Lobby's error page. */
async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  expect.soft(response!.status(), `${path} answered ${response!.status()}`).toBeLessThan(500);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect.soft(page.getByTestId("error-page"), path).toHaveCount(0);
  await expect.soft(page.getByText("Application error"), path).toHaveCount(0);
}

async function expectUnreachable(page: Page) {
  const state = page.getByTestId("indeed-unreachable");
  await expect(state).toBeVisible();
  await expect(state.getByRole("heading", { name: "Indeed is unreachable" })).toBeVisible();
  await expect(state.getByRole("link", { name: "Applications" })).toBeVisible();
  await expect(state.getByRole("button", { name: "Try again" })).toBeVisible();
  await expectNoAxeViolations(page);
}

test.describe.configure({ mode: "serial" });
test.use({ baseURL: ownSandboxAppUrl });

let pair: AppWithOwnSandbox;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  pair = await startAppWithOwnSandbox();
});
test.afterAll(async () => {
  await pair?.close();
});

test("every page answers with Indeed stopped, those that need it say it is unreachable, and the first request after it returns works", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);

  // While Indeed answers: Dana (the app's first member, so an admin), an interview with a demo
  // applicant recorded in the ledger, and a data request for her.
  await signIn(page, { account: "Dana Recruiter", employer: "Acme Robotics" });
  await page.goto("/applications"); // seeds the demo applicants
  await page.goto("/applications?q=Lindqvist");
  await page.getByRole("link", { name: NORA.name, exact: true }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const applicationPath = new URL(page.url()).pathname;
  const created = await page.request.post("/api/indeed/graphql", {
    headers: { origin: pair.appUrl },
    data: {
      operationName: "CreateInterview",
      variables: {
        input: {
          startTime: "2031-03-14T10:00:00+00:00",
          endTime: "2031-03-14T10:45:00+00:00",
          title: TITLE,
          timezone: "UTC",
          interviewers: [],
          interviewee: NORA,
        },
      },
      context: { applicationId: applicationPath.split("/").pop() },
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  const eventId = (
    (await created.json()) as { data: { createVirtualInterviewEvent: { event: { id: string } } } }
  ).data.createVirtualInterviewEvent.event.id;
  const eventPath = `/interviews/${encodeURIComponent(eventId)}`;

  await page.goto("/privacy/requests");
  await page.getByLabel("Job seeker's email address").fill(NORA.email);
  await page.getByRole("radio", { name: /^Access/ }).check();
  await page.getByRole("button", { name: "Record the request" }).click();
  await expect(page).toHaveURL(/\/privacy\/requests\/[0-9a-f-]{36}$/);
  const requestPath = new URL(page.url()).pathname;

  // The event page once with Indeed up: the app's keep-alive pool now holds sockets to it.
  await page.goto(eventPath);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

  await pair.stopSandbox();
  const refused = await fetch(`${pair.sandboxUrl}/.well-known/openid-configuration`).catch(
    (error: unknown) => error,
  );
  expect(refused, "the sandbox's port is closed").toBeInstanceOf(Error);

  // Each route of app/**/page.tsx, at an address that reaches it, and what it shows.
  const pages: Record<string, { path: string; check?: () => Promise<void> }> = {
    "/": { path: "/" },
    // Signed in, the sign-in page sends Dana on: it needs no Indeed to decide that.
    "/signin": { path: "/signin" },
    "/signin/error": {
      path: "/signin/error?error=indeed_unavailable",
      check: () => expect(page.getByText("Indeed is not answering right now")).toBeVisible(),
    },
    "/account/employer-error": {
      path: "/account/employer-error?code=INDEED_UNAVAILABLE",
      check: () => expect(page.getByText("Indeed is not answering right now.")).toBeVisible(),
    },
    "/applications": { path: "/applications" },
    "/applications/[id]": {
      path: applicationPath,
      check: async () => {
        const notice = page.getByTestId("indeed-unreachable");
        await expect(notice).toHaveText(/Indeed is unreachable\. These are the statuses/);
        await expect(notice.getByRole("button", { name: "Try again" })).toBeVisible();
        await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
        await expectNoAxeViolations(page);
      },
    },
    "/applications/import": { path: "/applications/import" },
    "/interviews": { path: "/interviews", check: () => expectUnreachable(page) },
    "/interviews/[id]": { path: eventPath, check: () => expectUnreachable(page) },
    "/interviews/new": {
      path: "/interviews/new",
      check: () => expect(page.getByLabel("Title")).toBeVisible(),
    },
    "/reviews": { path: "/reviews", check: () => expectUnreachable(page) },
    "/settings": { path: "/settings" },
    "/settings/team": { path: "/settings/team" },
    "/audit": { path: "/audit" },
    "/privacy": { path: "/privacy" },
    "/privacy/requests": { path: "/privacy/requests" },
    "/privacy/requests/[id]": {
      path: requestPath,
      check: async () => {
        await expect(page.getByTestId("indeed-unreachable")).toHaveText(
          /Indeed is unreachable\. The interviews below are Lobby's records/,
        );
        await expect(page.getByText(/Indeed could not be read/).first()).toBeVisible();
      },
    },
    "/privacy/requests/[id]/report": {
      path: `${requestPath}/report`,
      check: () => expect(page.getByText(/Indeed could not be read/).first()).toBeVisible(),
    },
    "/problem": {
      path: "/problem?code=INDEED_UNAVAILABLE",
      check: () =>
        expect(page.getByRole("heading", { name: "Indeed could not be reached" })).toBeVisible(),
    },
    "/button": { path: "/button" },
  };
  expect(Object.keys(pages).sort(), "every page of app/ is visited").toEqual(appRoutes());

  for (const [route, { path, check }] of Object.entries(pages)) {
    await test.step(`${route} with Indeed stopped`, async () => {
      await visit(page, path);
      await check?.();
    });
  }

  const health = await request.get(`${pair.appUrl}/api/health`);
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({
    status: "ok",
    database: { status: "up" },
    indeed: { status: "down" },
  });

  // Signed out, the sign-in page still answers; its button hands the browser to Indeed's
  // authorize page (the issuer's settings are kept from the sign-in above), which the browser
  // cannot reach: nothing Lobby answers on the way is a 500.
  const signedOut = await page.context().browser()!.newContext({ baseURL: pair.appUrl });
  const visitor = await signedOut.newPage();
  const lobbyStatuses: number[] = [];
  visitor.on("response", (response) => {
    if (response.url().startsWith(pair.appUrl)) lobbyStatuses.push(response.status());
  });
  await visit(visitor, "/signin");
  const unreachable = visitor.waitForEvent("requestfailed", (failed) =>
    failed.url().startsWith(`${pair.sandboxUrl}/`),
  );
  await visitor.getByRole("button", { name: "Sign in with Indeed" }).click();
  expect(new URL((await unreachable).url()).pathname).toMatch(/authorize/);
  expect(lobbyStatuses.length).toBeGreaterThan(0);
  expect(lobbyStatuses.filter((status) => status >= 500)).toEqual([]);
  await signedOut.close();

  // Indeed is back. The review queue's retry renders it again, and the first request to each
  // page that needs Indeed works.
  await visit(page, "/reviews");
  await expectUnreachable(page);
  await pair.startSandbox();
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("indeed-unreachable")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();

  await visit(page, eventPath);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

  await visit(page, applicationPath);
  await expect(page.getByTestId("indeed-unreachable")).toHaveCount(0);
  await expect(page.getByRole("link", { name: TITLE })).toBeVisible();

  await visit(page, "/interviews?range=custom&from=2031-03-01&to=2031-03-31");
  await expect(page.getByRole("listitem").filter({ hasText: TITLE })).toBeVisible();

  const back = await request.get(`${pair.appUrl}/api/health`);
  expect(await back.json()).toMatchObject({ indeed: { status: "up" } });
});
