import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import type { CandidateMessage } from "./candidate-message";
import { buildCalendarFile } from "./ics";
import {
  cancellation,
  INTERVIEWEE_LOBBY_URL,
  INTERVIEWER_LOBBY_URL,
  invitation,
  update,
} from "./test-messages.test-support";

/** Parses a calendar file as a calendar client would, returning its VCALENDAR and VEVENT. */
function parse(message: CandidateMessage, description = "The message's plain text") {
  const ics = buildCalendarFile(message, description);
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent");
  expect(events).toHaveLength(1);
  const event = events[0]!;
  const value = (name: string) => String(event.getFirstPropertyValue(name));
  return { ics, calendar, event, value };
}

const rescheduled = { start: "2030-01-22T19:30:00Z", end: "2030-01-22T20:15:00Z" };

describe("calendar file", () => {
  test("invite → reschedule → cancel: one UID, SEQUENCE 0, 1, 2, METHOD REQUEST, REQUEST, CANCEL", () => {
    const files = [
      invitation(),
      update(["rescheduled"], { sequence: 1, event: rescheduled }),
      cancellation("Filled", { sequence: 2, event: rescheduled }),
    ].map((message) => parse(message));

    const uids = new Set(files.map(({ value }) => value("uid")));
    expect(uids.size).toBe(1);
    expect([...uids][0]).toMatch(/@lobby\.example\.com$/);
    expect(files.map(({ event }) => event.getFirstPropertyValue("sequence"))).toEqual([0, 1, 2]);
    expect(files.map(({ calendar }) => calendar.getFirstPropertyValue("method"))).toEqual([
      "REQUEST",
      "REQUEST",
      "CANCEL",
    ]);
    expect(files.map(({ event }) => event.getFirstPropertyValue("status"))).toEqual([
      "CONFIRMED",
      "CONFIRMED",
      "CANCELLED",
    ]);
    expect(files[1]!.value("dtstart")).toBe("2030-01-22T19:30:00Z");
  });

  test("another interview gets another UID", () => {
    const other = invitation({ event: { id: "c29tZS1vdGhlci1ldmVudA==" } });
    expect(parse(other).value("uid")).not.toBe(parse(invitation()).value("uid"));
  });

  test("times are UTC instants and the event's zone is named", () => {
    const { ics, calendar, event } = parse(invitation());
    expect(ics).toContain("DTSTART:20300115T193000Z");
    expect(ics).toContain("DTEND:20300115T201500Z");
    expect(ics).not.toContain("TZID");
    const start = event.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.zone?.tzid).toBe("UTC");
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("America/New_York");
  });

  test("the organizer is the employer's address; the interviewee is asked to respond", () => {
    const { event, value } = parse(invitation());
    const organizer = event.getFirstProperty("organizer")!;
    expect(organizer.getFirstValue()).toBe("mailto:recruiting@acme.example");
    expect(organizer.getParameter("cn")).toBe("Acme Recruiting");
    const attendees = event.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    const attendee = attendees[0]!;
    expect(String(attendee.getFirstValue()).toLowerCase()).toBe("mailto:jo.doe@example.net");
    expect(attendee.getParameter("cn")).toBe("Jo Doe");
    expect(attendee.getParameter("rsvp")).toBe("TRUE");
    expect(attendee.getParameter("partstat")).toBe("NEEDS-ACTION");
    expect(value("location")).toBe(INTERVIEWEE_LOBBY_URL);
    expect(value("url")).toBe(INTERVIEWEE_LOBBY_URL);
    expect(value("dtstamp")).toBe("2030-01-02T09:00:00Z");
  });

  test("the description is the message's text, and no interviewer link is anywhere", () => {
    const text =
      "Hello Jo,\nJoin at https://lobby.indeed.example/interviewee/7f3a9c; see you, then.";
    const { ics, value } = parse(invitation(), text);
    expect(value("description")).toBe(text);
    expect(ics).not.toContain(INTERVIEWER_LOBBY_URL);
  });

  test("a hostile title stays a value and parses back unchanged; a quoted name keeps its address", () => {
    const title = `<script>alert(1)</script>; DROP,x\nMETHOD:PUBLISH\\`;
    const { ics, calendar, event, value } = parse(
      invitation({
        event: { title },
        interviewee: {
          name: `Jo "Bobby"; Doe`,
          email: "jo.doe@example.net",
          lobbyUrl: INTERVIEWEE_LOBBY_URL,
        },
      }),
    );
    expect(value("summary")).toBe(title);
    expect(calendar.getAllProperties("method")).toHaveLength(1);
    expect(ics.match(/^METHOD:/gm)).toHaveLength(1);
    const attendee = event.getFirstProperty("attendee")!;
    expect(attendee.getParameter("cn")).toBe("Jo 'Bobby'; Doe");
    expect(String(attendee.getFirstValue()).toLowerCase()).toBe("mailto:jo.doe@example.net");
  });

  test("a retried job builds the very same file", () => {
    expect(buildCalendarFile(invitation(), "text")).toBe(buildCalendarFile(invitation(), "text"));
  });
});
