import { describe, expect, it } from "vitest";
import { matchesSentCreate } from "./reconcile-pending";

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
