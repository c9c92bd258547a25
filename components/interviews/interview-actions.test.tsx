import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InterviewActions, type InterviewActionsProps } from "./interview-actions";

const props: InterviewActionsProps = {
  eventId: "evt-1",
  title: "Platform engineer",
  timezone: "Europe/Berlin",
  localSpan: { date: "2027-02-10", startTime: "10:00", endDate: "", endTime: "11:00" },
  interviewerEmails: ["dana@acme.test"],
  hasInterviewee: false,
  timeZones: [{ value: "Europe/Berlin", label: "Berlin" }],
};

const buttons = (html: string) =>
  [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1]);

describe("InterviewActions", () => {
  it("renders a button per change that opens a dialog, and no dialog until one is pressed", () => {
    const html = renderToStaticMarkup(<InterviewActions {...props} />);
    expect(buttons(html)).toEqual([
      "Reschedule",
      "Add interviewers",
      "Add interviewee",
      "Change title",
      "Change time zone",
      "Cancel interview",
    ]);
    expect(html.match(/aria-haspopup="dialog"/g)).toHaveLength(6);
    expect(html).toContain('aria-expanded="false"');
    expect(html).not.toContain('role="dialog"');
    expect(html).not.toContain("Reschedule the interview");
  });

  it("offers no interviewee once the interview has one", () => {
    const html = renderToStaticMarkup(<InterviewActions {...props} hasInterviewee />);
    expect(buttons(html)).not.toContain("Add interviewee");
    expect(buttons(html)).toHaveLength(5);
  });
});
