import { renderToReadableStream, renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { calendarQuery, type EventsPage } from "@/lib/calendar/calendar-query";
import { type CalendarState, parseCalendarSearchParams } from "@/lib/calendar/search-params";
import { CalendarView, type CalendarViewProps } from "./calendar-view";

const noop = () => {};
const NOW = new Date("2026-06-17T15:00:00Z"); // Wednesday

function page(events: EventsPage["events"], extra: Partial<EventsPage> = {}): EventsPage {
  return {
    totalCount: events?.length ?? 0,
    pageInfo: { endCursor: null, hasNextPage: false },
    events,
    ...extra,
  };
}

function view(query: string, props: Partial<CalendarViewProps> & { zone?: string | null } = {}) {
  const state: CalendarState = parseCalendarSearchParams(new URLSearchParams(query));
  const zone = props.zone === undefined ? "America/New_York" : props.zone;
  return (
    <CalendarView
      state={state}
      viewerZone={zone}
      range={zone ? calendarQuery(state, zone, NOW).range : null}
      now={NOW}
      pages={[page([])]}
      nextPageError={null}
      onRetryNextPage={noop}
      ledger={new Map()}
      hasNextPage={false}
      isFetchingNextPage={false}
      onEndReached={noop}
      sortedByIndeed
      onChange={noop}
      {...props}
    />
  );
}

const render = (...args: Parameters<typeof view>): string => renderToStaticMarkup(view(...args));

/** The markup once every lazy part (the agenda, the week grid) has loaded, as the server streams it. */
async function renderLoaded(...args: Parameters<typeof view>): Promise<string> {
  const stream = await renderToReadableStream(view(...args));
  await stream.allReady;
  return new Response(stream).text();
}

const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("CalendarView", () => {
  it("shows skeletons, not times, while the viewer's zone is unknown", () => {
    const html = render("", { zone: null, pages: undefined });
    expect(html).toContain("Loading interviews…");
    expect(html).not.toContain("calendar-total");
    expect(html).toContain("<h1");
  });

  it("names every control, and links the export and the next page with the same query", () => {
    const html = render("range=last-7-days&sort=status&cursor=YQ", {
      pages: [
        page([], {
          totalCount: 132,
          pageInfo: { endCursor: "Yg", hasNextPage: true },
        }),
      ],
    });
    expect(text(html)).toContain("132 interviews");
    expect(html).toMatch(/data-testid="calendar-total"[^>]*>132 interviews</);
    for (const label of ["Times in range", "Sort by", "Order", "Show canceled interviews"]) {
      expect(html).toMatch(new RegExp(`<label[^>]*for="[^"]+"[^>]*>${label}</label>`));
    }
    expect(html).toContain('aria-label="View"');
    expect(html).toContain('aria-label="Date range"');
    expect(html).toContain('aria-label="Show times in"');
    expect(html).toMatch(/type="checkbox"[^>]*checked=""/);
    expect(html).toContain(
      'href="/interviews/export?range=last-7-days&amp;sort=status&amp;cursor=YQ"',
    );
    expect(text(html)).toContain("Page 2");
    expect(html).toMatch(
      /href="\/interviews\?range=last-7-days&amp;sort=status&amp;cursor=YQ&amp;cursor=Yg"[^>]*>Next page/,
    );
    expect(html).toMatch(
      /href="\/interviews\?range=last-7-days&amp;sort=status"[^>]*>Previous page/,
    );
    expect(html).toContain(">Back to first page<");
  });

  it("states the zone of its days and times, and when it is the server's guess", () => {
    expect(text(render(""))).toContain("Times and days in America/New York, your time zone.");
    expect(text(render("", { zoneSource: "employer" }))).toContain(
      "Times and days in America/New York, the zone this employer schedules in, until your browser’s zone is known.",
    );
    expect(text(render("", { zone: "UTC", zoneSource: "utc" }))).toContain(
      "Times and days in UTC until your browser’s zone is known.",
    );
  });

  it("offers no previous page on the first, and says when each page is sorted here", () => {
    const html = render("", { sortedByIndeed: false });
    expect(text(html)).toContain("Page 1");
    expect(html).not.toContain("Previous page");
    expect(html).not.toContain("Next page");
    expect(text(html)).toContain("each page of 100 is sorted on its own");
  });

  it("leads an empty range to Applications", async () => {
    const html = await renderLoaded("");
    expect(text(html)).toContain("No interviews in this range");
    expect(html).toMatch(/href="\/applications"[^>]*>Applications</);
    expect(text(html)).toContain("0 interviews");
  });

  it("says an empty range is empty apart from canceled ones when they are hidden", async () => {
    const canceled = {
      id: "c",
      status: "CANCELED",
      title: "Canceled one",
      startTime: "2026-06-17T14:00:00Z",
      endTime: "2026-06-17T15:00:00Z",
      timezone: "UTC",
    };
    const html = await renderLoaded("canceled=hide", { pages: [page([canceled])] });
    expect(text(html)).toContain("No interviews in this range apart from canceled ones");
    expect(html).not.toMatch(/type="checkbox"[^>]*checked=""/);
  });

  describe("the week", () => {
    const events = [
      {
        id: "late",
        status: "SCHEDULED",
        title: "Late call",
        // 23:00 on Tuesday to 01:00 on Wednesday in New York
        startTime: "2026-06-17T03:00:00Z",
        endTime: "2026-06-17T05:00:00Z",
        timezone: "America/New_York",
      },
      {
        id: "gone",
        status: "CANCELED",
        title: "Canceled chat",
        startTime: "2026-06-18T14:00:00Z",
        endTime: "2026-06-18T15:00:00Z",
        timezone: "Asia/Kolkata",
      },
    ];
    let html = "";
    beforeAll(async () => {
      html = await renderLoaded("view=week", {
        pages: [page(events)],
        ledger: new Map([
          [
            "late",
            {
              indeedEventId: "late",
              applicationId: "a1",
              applicantName: "Amara",
              jobTitle: "Welder",
            },
          ],
          ["gone", null],
        ]),
      });
    });

    it("shows this week's seven days with today marked", () => {
      expect(html.match(/<section aria-labelledby/g)).toHaveLength(7);
      expect(html).toMatch(/aria-current="date"[^>]*>Wed 17/);
    });

    it("places an event across midnight on both days, and strikes through a canceled one", () => {
      expect(html.match(/href="\/interviews\/late"/g)).toHaveLength(2);
      expect(html).toMatch(/line-through[^"]*">Canceled chat/);
      expect(text(html)).toContain(", canceled");
      expect(text(html)).toContain("Not scheduled in Lobby");
      expect(text(html)).toContain("Amara");
    });
  });

  it("lists the agenda by day, in the viewer's zone, with the event's own zone stated", async () => {
    const html = await renderLoaded("range=custom&from=2026-06-17&to=2026-06-17", {
      zone: "Asia/Kolkata",
      pages: [
        page([
          {
            id: "e1",
            status: "SCHEDULED",
            title: "Design review",
            startTime: "2026-06-17T03:30:00Z",
            endTime: "2026-06-17T04:30:00Z",
            timezone: "Europe/Berlin",
          },
        ]),
      ],
    });
    expect(text(html)).toContain("Wednesday, June 17, 2026");
    expect(text(html)).toMatch(/9:00\s–\s10:00\sAM/);
    expect(text(html)).toContain("Set in Europe/Berlin");
  });

  it("shows the server's account of a first page it could not read, in the list's place", () => {
    const html = render("", {
      pages: undefined,
      problem: <p role="alert">Indeed said no</p>,
    });
    expect(html).toContain('<p role="alert">Indeed said no</p>');
    expect(html).not.toContain('aria-label="Interviews by day"');
    expect(html).not.toContain("animate-pulse");
  });

  it("keeps the fetched rows when a later page fails, with a way to try it again", async () => {
    const html = await renderLoaded("", {
      pages: [
        page([
          {
            id: "e1",
            title: "Kept",
            startTime: "2026-06-17T14:00:00Z",
            endTime: "2026-06-17T15:00:00Z",
          },
        ]),
      ],
      hasNextPage: true,
      nextPageError: { message: "Indeed is unavailable" },
    });
    expect(text(html)).toContain("Kept");
    expect(text(html)).toContain("More interviews could not be loaded: Indeed is unavailable.");
    expect(text(html)).toContain("Try again");
  });
});
