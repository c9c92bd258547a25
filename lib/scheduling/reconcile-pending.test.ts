import { describe, expect, it } from "vitest";
import { matchesSentCreate } from "./reconcile-pending";
import { changeApplied } from "./reconcile-pending-changes";

const sent = {
  title: "Interview with Robin",
  startTime: "2031-05-12T11:00:00-04:00",
  endTime: "2031-05-12T12:00:00-04:00",
  interviewers: [{ email: "Ivy@acme-robotics.example" }],
  interviewee: { email: "robin@example.net" },
};
const event = {
  id: "e1",
  title: "Interview with Robin",
  startTime: "2031-05-12T15:00:00+00:00",
  endTime: "2031-05-12T16:00:00+00:00",
  interviewersConnection: {
    interviewers: [{ email: "dana@acme-robotics.example" }, { email: "ivy@acme-robotics.example" }],
  },
  intervieweesConnection: { interviewees: [{ email: "ROBIN@example.net" }] },
};

describe("matchesSentCreate", () => {
  it("matches the event the create would have made (same instants, any case of emails)", () => {
    expect(matchesSentCreate(event, sent)).toBe(true);
  });

  it("refuses another title, time, interviewee or a missing interviewer", () => {
    expect(matchesSentCreate({ ...event, title: "Other" }, sent)).toBe(false);
    expect(matchesSentCreate({ ...event, startTime: "2031-05-12T15:30:00+00:00" }, sent)).toBe(
      false,
    );
    expect(matchesSentCreate({ ...event, intervieweesConnection: null }, sent)).toBe(false);
    expect(
      matchesSentCreate(
        {
          ...event,
          interviewersConnection: { interviewers: [{ email: "dana@acme-robotics.example" }] },
        },
        sent,
      ),
    ).toBe(false);
    expect(matchesSentCreate(event, { ...sent, interviewee: null })).toBe(false);
  });
});

describe("changeApplied", () => {
  const moved = {
    input: {
      id: "e1",
      startTime: "2031-05-12T11:30:00-04:00",
      endTime: "2031-05-12T12:30:00-04:00",
    },
  };

  it("sees a reschedule at the same instants, whatever the offset, and not at others", () => {
    expect(
      changeApplied(
        "RescheduleInterview",
        { ...event, startTime: "2031-05-12T15:30:00+00:00", endTime: "2031-05-12T16:30:00Z" },
        moved,
      ),
    ).toBe(true);
    expect(changeApplied("RescheduleInterview", event, moved)).toBe(false);
  });

  it("sees a cancel, a title, a zone, interviewers and an interviewee only once Indeed shows them", () => {
    const input = (fields: object) => ({ input: { id: "e1", ...fields } });
    expect(changeApplied("CancelInterview", { ...event, status: "CANCELED" }, input({}))).toBe(
      true,
    );
    expect(changeApplied("CancelInterview", { ...event, status: "SCHEDULED" }, input({}))).toBe(
      false,
    );
    expect(
      changeApplied("SetInterviewTitle", event, input({ title: "Interview with Robin" })),
    ).toBe(true);
    expect(changeApplied("SetInterviewTitle", event, input({ title: "Final round" }))).toBe(false);
    expect(
      changeApplied(
        "SetInterviewTimezone",
        { ...event, timezone: "Asia/Kathmandu" },
        input({ timezone: "Asia/Kathmandu" }),
      ),
    ).toBe(true);
    expect(
      changeApplied(
        "SetInterviewTimezone",
        { ...event, timezone: "UTC" },
        input({ timezone: "Asia/Kathmandu" }),
      ),
    ).toBe(false);
    expect(
      changeApplied(
        "AddInterviewers",
        event,
        input({ interviewers: [{ email: "IVY@acme-robotics.example" }] }),
      ),
    ).toBe(true);
    expect(
      changeApplied(
        "AddInterviewers",
        event,
        input({
          interviewers: [
            { email: "ivy@acme-robotics.example" },
            { email: "max@acme-robotics.example" },
          ],
        }),
      ),
    ).toBe(false);
    expect(
      changeApplied(
        "AddInterviewee",
        event,
        input({ interviewee: { name: "R", email: "robin@example.net" } }),
      ),
    ).toBe(true);
    expect(
      changeApplied(
        "AddInterviewee",
        { ...event, intervieweesConnection: null },
        input({ interviewee: { name: "R", email: "robin@example.net" } }),
      ),
    ).toBe(false);
  });

  it("refuses another event's answer, an unknown operation and a malformed record", () => {
    expect(
      changeApplied(
        "CancelInterview",
        { ...event, id: "e2", status: "CANCELED" },
        { input: { id: "e1" } },
      ),
    ).toBe(false);
    expect(
      changeApplied("CreateInterview", { ...event, status: "CANCELED" }, { input: { id: "e1" } }),
    ).toBe(false);
    expect(changeApplied("CancelInterview", { ...event, status: "CANCELED" }, null)).toBe(false);
  });
});
