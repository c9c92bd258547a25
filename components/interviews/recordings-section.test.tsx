import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RecordingsSection, type RecordingsSectionProps } from "./recordings-section";

const END = "2026-06-01T15:00:00Z";
const DAY = 24 * 60 * 60 * 1000;
const after = (ms: number) => new Date(Date.parse(END) + ms);

function render(props: Partial<RecordingsSectionProps>) {
  return renderToStaticMarkup(
    <RecordingsSection
      sessions={[]}
      interviewEnd={END}
      now={after(DAY)}
      zone="America/New_York"
      {...props}
    />,
  );
}

/** The markup as a person reads it: tags dropped, entities decoded, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("RecordingsSection", () => {
  it("links each available recording with its days left and expiry in the event's zone", () => {
    const html = render({
      sessions: [{ id: "r1", recordingUrl: "https://indeed.example/rec/1" }],
      now: after(30 * DAY + 60_000),
    });
    expect(html).toContain("<h2");
    expect(text(html)).toContain("Recordings Session 1 Watch recording 59 days left");
    expect(html).toMatch(/href="https:\/\/indeed.example\/rec\/1"[^>]*rel="noreferrer"/);
    // 90 days after 11:00 New York time on June 1.
    expect(text(html)).toContain("(expires Sun, Aug 30, 2026, 11:00 AM EDT)");
  });

  it("says a recording expired, and when, without a link", () => {
    const html = render({
      sessions: [{ id: "r1", recordingUrl: "https://indeed.example/rec/1" }],
      now: after(95 * DAY),
    });
    expect(text(html)).toContain("Session 1 Recording expired Expired Sun, Aug 30, 2026");
    expect(html).not.toContain("Watch recording");
  });

  it("reads Indeed's null honestly per session: probably processing, or missing", () => {
    const html = render({
      sessions: [
        { id: "r1", recordingUrl: null },
        { id: "r2", recordingUrl: "https://indeed.example/rec/2" },
      ],
      now: after(10 * 60_000),
    });
    expect(text(html)).toMatch(
      /Session 1 No recording yet: it is probably still processing.*usually a few minutes after the interview.*Session 2 Watch recording 89 days left/,
    );
    const later = render({ sessions: [{ id: "r1", recordingUrl: null }], now: after(2 * DAY) });
    expect(text(later)).toMatch(/No recording\. Indeed does not say why.*contact Indeed/);
  });

  it("says no session was held yet when Indeed lists none", () => {
    expect(text(render({ sessions: [] }))).toContain(
      "Indeed lists no session for this interview yet",
    );
  });
});
