import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { agendaRows, groupByDay } from "@/lib/calendar/agenda";
import { testEvent } from "@/lib/calendar/test-events.test-support";
import { AgendaList, type AgendaListProps, PLAIN_ROWS_MAX } from "./agenda-list";
import { VirtualAgendaRows } from "./virtual-agenda-rows";

const noop = () => {};

function render(props: Partial<AgendaListProps>) {
  return renderToStaticMarkup(
    <AgendaList
      events={[]}
      viewerZone="America/New_York"
      zoneMode="viewer"
      ledger={new Map()}
      hasNextPage={false}
      isFetchingNextPage={false}
      onEndReached={noop}
      empty={<p>No interviews in this range.</p>}
      initialRect={{ width: 800, height: 600 }}
      {...props}
    />,
  );
}

/** 1,200 half-hour interviews, ten a day from 9:00 New York time. */
function manyEvents(count: number) {
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(Date.UTC(2026, 5, 1 + Math.floor(index / 10), 13 + (index % 10)));
    return testEvent(
      `e${index}`,
      day.toISOString(),
      new Date(day.getTime() + 30 * 60_000).toISOString(),
      { timezone: "America/New_York" },
    );
  });
}

const rowsOf = (events: ReturnType<typeof manyEvents>) =>
  agendaRows(groupByDay(events, { zone: "America/New_York" }));

/** The virtual list, as it starts from the plain list's measured heights (none by default). */
function renderVirtual(
  events: ReturnType<typeof manyEvents>,
  { hasNextPage, measured = new Map() }: { hasNextPage: boolean; measured?: Map<string, number> },
) {
  return renderToStaticMarkup(
    <VirtualAgendaRows
      rows={rowsOf(events)}
      scrollRef={{ current: null }}
      measured={{ current: measured }}
      hasNextPage={hasNextPage}
      isFetchingNextPage={false}
      onEndReached={noop}
      initialRect={{ width: 800, height: 600 }}
      viewerZone="America/New_York"
      zoneMode="viewer"
      ledger={new Map()}
    />,
  );
}

describe("AgendaList", () => {
  it("renders a first page's rows as plain DOM, every one, with no list code", () => {
    // 100 interviews over ten days: 110 rows, under what the plain list shows.
    const html = render({ events: manyEvents(100), hasNextPage: true });
    expect(110).toBeLessThanOrEqual(PLAIN_ROWS_MAX);
    expect(html.match(/role="listitem"/g)).toHaveLength(110);
    expect(html).toContain('aria-posinset="110"');
    // More pages exist: the list's size is unknown.
    expect(html).toContain('aria-setsize="-1"');
    expect(html).not.toContain("translateY");
  });

  it("virtualised, puts only the rows in view in the DOM, out of 1,200 events", () => {
    const html = renderVirtual(manyEvents(1_200), { hasNextPage: false });
    const rendered = html.match(/role="listitem"/g) ?? [];
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(30);
    // The list is as tall as all 1,320 rows (120 day headings), so the scrollbar is honest.
    const height = Number(/role="list"[^>]*style="height:(\d+)px/.exec(html)?.[1]);
    expect(height).toBe(120 * 44 + 1_200 * 76);
    expect(html).toContain('aria-setsize="1320"');
  });

  it("virtualised, starts from the heights the plain list measured", () => {
    const events = manyEvents(300);
    // The plain list measured its first 110 rows (a first page) at 100 px each.
    const measured = new Map(
      rowsOf(events)
        .slice(0, 110)
        .map((row) => [row.key, 100]),
    );
    const html = renderVirtual(events, { hasNextPage: true, measured });
    const height = Number(/role="list"[^>]*style="height:(\d+)px/.exec(html)?.[1]);
    // 330 rows: 110 measured, then 20 day headings and 200 interviews estimated.
    expect(height).toBe(110 * 100 + 20 * 44 + 200 * 76);
    expect(html).toContain("translateY(100px)");
    expect(html).toContain('aria-setsize="-1"');
  });

  it("shows a day heading, the time in the viewer's zone and the event's own zone", () => {
    const html = render({
      events: [
        testEvent("a", "2026-06-17T13:00:00Z", "2026-06-17T14:00:00Z", {
          timezone: "Europe/Berlin",
          title: "Design review",
        }),
      ],
      ledger: new Map([
        [
          "a",
          {
            indeedEventId: "a",
            applicationId: "app-1",
            applicantName: "Amara Okafor",
            jobTitle: "Robotics engineer",
          },
        ],
      ]),
    });
    expect(html).toContain("Wednesday, June 17, 2026");
    expect(html).toMatch(/9:00\s–\s10:00\sAM/);
    expect(html).toContain("America/New York");
    expect(html).toContain("Set in Europe/Berlin");
    expect(html).toMatch(/<a [^>]*href="\/applications\/app-1"[^>]*>Amara Okafor<\/a>/);
    expect(html).toContain("Robotics engineer");
    expect(html).toContain("Scheduled in Lobby");
    expect(html).not.toContain("Not scheduled in Lobby");
    expect(html).toContain('href="/interviews/a"');
  });

  it("switches times to each event's zone, strikes through and can hide canceled events", () => {
    const events = [
      testEvent("c", "2026-06-17T13:00:00Z", "2026-06-17T14:00:00Z", {
        timezone: "Asia/Kolkata",
        status: "CANCELED",
      }),
    ];
    const html = render({ events, zoneMode: "event", ledger: new Map([["c", null]]) });
    expect(html).toMatch(/6:30\s–\s7:30\sPM/);
    expect(html).toContain("line-through");
    expect(html).toContain("Canceled");
    expect(html).toContain("Not scheduled in Lobby");
    expect(render({ events, hideCanceled: true })).toContain("No interviews in this range.");
  });

  it("marks an event across midnight on both days", () => {
    const html = render({
      events: [testEvent("n", "2026-06-18T02:00:00Z", "2026-06-18T05:00:00Z")],
    });
    expect(html).toContain("Continues the next day");
    expect(html).toContain("Continued from the day before");
  });

  it("shows the empty state for no events, and says when more are loading", () => {
    expect(render({})).toContain("No interviews in this range.");
    expect(
      render({ events: manyEvents(3), isFetchingNextPage: true, hasNextPage: true }),
    ).toContain("Loading more interviews…");
  });
});
