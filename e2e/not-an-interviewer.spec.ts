import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/sign-in";
import { appUrl } from "./support/urls";

// Indeed shows an interview only to its interviewers (the sandbox's default access, as the
// guide says). A colleague of the same employer who is not one of them gets an explanation and
// who can add them, not an error page.
test("a colleague who is not an interviewer is told why, and who can add them", async ({
  page,
  browser,
}) => {
  await signIn(page, { account: "Dana Recruiter", employer: "Acme Robotics" });
  const created = await page.request.post("/api/indeed/graphql", {
    headers: { origin: appUrl },
    data: {
      operationName: "CreateInterview",
      variables: {
        input: {
          title: "Panel for the robotics lead",
          startTime: "2027-03-01T15:00:00Z",
          endTime: "2027-03-01T16:00:00Z",
          timezone: "America/Chicago",
          interviewers: [],
        },
      },
    },
  });
  expect(created.status()).toBe(200);
  const eventId = (
    (await created.json()) as {
      data: { createVirtualInterviewEvent: { event: { id: string } } };
    }
  ).data.createVirtualInterviewEvent.event.id;

  const colleague = await browser.newContext();
  const ivy = await colleague.newPage();
  await signIn(ivy, { account: "Ivy Interviewer" });
  const response = await ivy.goto(`/interviews/${encodeURIComponent(eventId)}`);
  expect(response?.status()).toBe(200);
  await expect(
    ivy.getByRole("heading", { level: 1, name: "Only this interview's interviewers can open it" }),
  ).toBeVisible();
  await expect(ivy.getByTestId("not-an-interviewer")).toContainText("Panel for the robotics lead");
  await expect(ivy.getByTestId("not-an-interviewer")).toContainText("Dana Recruiter");
  await expectNoAxeViolations(ivy);

  // Dana, an interviewer (its creator), still opens it.
  await page.goto(`/interviews/${encodeURIComponent(eventId)}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Panel for the robotics lead" }),
  ).toBeVisible();
  await colleague.close();
});
