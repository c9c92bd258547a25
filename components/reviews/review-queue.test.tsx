import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { reviewQueuePage } from "@/lib/calendar/review-queue";
import { parseReviewSearchParams } from "@/lib/calendar/search-params";
import { ReviewQueue, type ReviewQueueProps } from "./review-queue";

// The range picker reads the URL through Next's router; the queue's own markup is the subject.
vi.mock("@/components/calendar/range-picker", () => ({ RangePicker: () => null }));

const NOW = new Date("2026-06-20T12:00:00Z");
const ivy = { id: "u-ivy", name: "Ivy Chen", email: "ivy@example.com" };
const omar = { id: "u-omar", name: "Omar Haddad", email: "omar@example.com" };

function event(id: string, endTime: string, recordingUrl: string | null, decided: string[]) {
  return {
    id,
    title: `Interview ${id}`,
    startTime: new Date(Date.parse(endTime) - 3_600_000).toISOString(),
    endTime,
    timezone: "Europe/Berlin",
    interviewersConnection: { interviewers: [ivy, omar] },
    intervieweesConnection: {
      interviewees: [
        {
          name: `Applicant ${id}`,
          interviewRecordsConnection: {
            records: [
              {
                recordingUrl,
                interviewOutcomesConnection: {
                  outcomes: decided.map((value, index) => ({
                    interviewer: [ivy, omar][index],
                    decision: { value },
                  })),
                },
              },
            ],
          },
        },
      ],
    },
  };
}

const EVENTS = [
  event("a", "2026-06-19T10:00:00Z", "https://r/a", ["YES", "MAYBE"]),
  event("b", "2026-03-30T10:00:00Z", "https://r/b", ["NO"]),
  event("c", "2026-06-01T10:00:00Z", null, []),
];

function render(query: string, props: Partial<ReviewQueueProps> = {}) {
  const state = parseReviewSearchParams(new URLSearchParams(query));
  return renderToStaticMarkup(
    <ReviewQueue
      state={state}
      range={{ firstDay: "2026-05-22", lastDay: "2026-06-20", zone: "Europe/Berlin" }}
      page={reviewQueuePage(EVENTS, state, NOW)}
      totalCount={3}
      nextCursor={undefined}
      applicants={new Map([["a", { applicationId: "app-1", applicantName: "Amara Okafor" }]])}
      {...props}
    />,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("ReviewQueue", () => {
  it("shows each row's applicant, decisions so far and recording days left", () => {
    const html = render("");
    expect(text(html)).toContain("3 interviews in this range");
    expect(html).toContain('href="/interviews/a"');
    expect(html).toContain('href="/applications/app-1"');
    expect(text(html)).toMatch(/Amara Okafor Ivy Chen: Yes · Omar Haddad: Maybe 88 days left/);
    expect(text(html)).toMatch(/Applicant b Ivy Chen: No Not decided yet: Omar Haddad 7 days left/);
    expect(text(html)).toMatch(
      /Applicant c None yet Not decided yet: Ivy Chen, Omar Haddad No recording yet/,
    );
    expect(text(html)).not.toContain("Next page");
  });

  it("says how many rows of the fetched page match the filters", () => {
    const html = render("pending=1&recording=1", { nextCursor: "Y3Vyc29yMg" });
    expect(text(html)).toContain("Showing 1 of 3 interviews on this page that match");
    expect(text(html)).toContain("the next page may hold more");
    const checkbox = (name: string) =>
      html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0];
    expect(checkbox("pending")).toContain('checked=""');
    expect(checkbox("expiring")).not.toContain("checked");
    expect(html).toMatch(/href="\/reviews\?pending=1&amp;recording=1&amp;cursor=Y3Vyc29yMg"/);
  });

  it("keeps the range in the filter form, and goes back along the cursor trail", () => {
    const html = render("range=last-7-days&cursor=Y3Vyc29yMg&cursor=Y3Vyc29yMw");
    expect(html).toContain('<input type="hidden" name="range" value="last-7-days"/>');
    expect(text(html)).toContain("Page 3");
    expect(html).toContain('href="/reviews?range=last-7-days&amp;cursor=Y3Vyc29yMg"');
    expect(html).toContain('href="/reviews?range=last-7-days"');
  });

  it("says what to do when the range is empty, or no row matches", () => {
    const empty = render("", { page: { rows: [], fetched: 0 }, totalCount: 0 });
    expect(text(empty)).toContain("No interviews ended in this range. Pick a longer range");
    const state = parseReviewSearchParams(new URLSearchParams("expiring=1"));
    const none = render("expiring=1", {
      page: reviewQueuePage([EVENTS[0], EVENTS[2]], state, NOW),
    });
    expect(text(none)).toContain("No interview on this page matches the filters");
    expect(none).toContain('href="/reviews"');
  });
});
