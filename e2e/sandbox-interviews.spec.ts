import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page, test } from "@playwright/test";
import { sandboxUrl } from "./support/urls";

// The Interview API half of the sandbox in a browser: an event created over GraphQL with a
// minted token, its sandbox page, both lobbies, a session held with the page's button, a
// decision, the recording page, and axe on every page on the way.

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    ),
  ).toEqual([]);
}

async function createEvent(request: APIRequestContext) {
  const minted = await request.post(`${sandboxUrl}/_sandbox/oauth/tokens`, {
    data: { client_id: "lobby-local", user: "u-dana", employer: "emp-acme-robotics" },
  });
  const { access_token: token } = (await minted.json()) as { access_token: string };
  const clock = (await (await request.get(`${sandboxUrl}/_sandbox/clock`)).json()) as {
    now: string;
  };
  const start = Math.floor(Date.parse(clock.now) / 60_000) * 60_000 + 2 * 3_600_000;
  const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
  const response = await request.post(`${sandboxUrl}/graphql`, {
    headers: { Authorization: `Bearer ${token}`, "indeed-client-id": "lobby-local" },
    data: {
      query: `mutation CreateEvent($input: CreateVirtualInterviewEventInput!) {
        createVirtualInterviewEvent(input: $input) { event { id interviewerLobbyUrl intervieweesConnection { interviewees { intervieweeLobbyUrl } } } } }`,
      variables: {
        input: {
          startTime: iso(start),
          endTime: iso(start + 3_600_000),
          title: "Interview with Robin Park",
          timezone: "America/New_York",
          interviewers: [{ email: "ivy@acme-robotics.example" }],
          interviewee: { name: "Robin Park", email: "robin.park@example.net" },
          requestMetadata: { atsName: "Lobby", employerName: "Acme Robotics" },
        },
      },
    },
  });
  const body = (await response.json()) as {
    data: {
      createVirtualInterviewEvent: {
        event: {
          id: string;
          interviewerLobbyUrl: string;
          intervieweesConnection: { interviewees: { intervieweeLobbyUrl: string }[] };
        };
      };
    };
  };
  const event = body.data.createVirtualInterviewEvent.event;
  const uuid = Buffer.from(event.id, "base64").toString().split("/").at(-1)!;
  return {
    uuid,
    interviewerLobby: event.interviewerLobbyUrl,
    intervieweeLobby: event.intervieweesConnection.interviewees[0]!.intervieweeLobbyUrl,
  };
}

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${sandboxUrl}/_sandbox/reset`, { data: {} })).ok()).toBe(true);
});

test("an event's pages, lobbies and a session held from the event page pass axe", async ({
  page,
  request,
}) => {
  const event = await createEvent(request);

  await page.goto(`${sandboxUrl}/_sandbox/events`);
  await expect(page.getByRole("heading", { level: 1, name: "Interview events" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Acme Robotics" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Events of Acme Robotics" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Interview with Robin Park" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Interview with Robin Park" }),
  ).toBeVisible();
  await expect(page.getByRole("cell", { name: "Ivy Interviewer" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(event.intervieweeLobby);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Robin Park" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(event.interviewerLobby);
  await expect(page.getByRole("heading", { level: 1, name: /Sign in to join/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Sign in with Indeed" }).click();
  await page.getByRole("button", { name: /Ivy Interviewer/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Interviewer lobby" })).toBeVisible();
  await expect(page.getByText("Signed in as Ivy Interviewer")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`${sandboxUrl}/_sandbox/events/${event.uuid}`);
  await page.getByLabel("Recording").selectOption("available");
  await page.getByLabel(/Processing time in minutes/).fill("10");
  await page.getByRole("button", { name: "Conduct session" }).click();
  await expect(page.getByRole("rowheader", { name: /Session 1/ })).toBeVisible();
  await expect(page.getByText("Processing", { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Interviewer", { exact: true }).selectOption("ivy@acme-robotics.example");
  await page.getByLabel("Decision").selectOption("YES");
  await page.getByLabel("Note").fill("Clear, structured answers");
  await page.getByRole("button", { name: "Save decision" }).click();
  await expect(page.getByText("Clear, structured answers")).toBeVisible();

  await request.post(`${sandboxUrl}/_sandbox/clock/advance`, { data: { minutes: 11 } });
  await page.reload();
  await page.getByRole("link", { name: "Recording page" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: /Recording: Interview with Robin Park/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`${sandboxUrl}/_sandbox/outbox`);
  await expect(page.getByRole("heading", { level: 1, name: "Messages Indeed sent" })).toBeVisible();
  await expectNoAxeViolations(page);
});
