import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { InterviewDetail, type InterviewEvent } from "./interview-detail";

// The change forms need Next's router and react-query; this test is about what the page shows.
vi.mock("./interview-actions", () => ({ InterviewActions: () => null }));

const NOW = new Date("2026-06-20T12:00:00Z");

function event(overrides: Partial<InterviewEvent> = {}): InterviewEvent {
  return {
    id: "ev-1",
    status: "SCHEDULED",
    title: "Design review",
    startTime: "2026-06-19T14:00:00Z",
    endTime: "2026-06-19T15:00:00Z",
    timezone: "America/Toronto",
    languageCode: "fr",
    countryCode: "CA",
    interviewerLobbyUrl: "https://indeed.example/lobby/interviewer/1",
    interviewersConnection: {
      interviewers: [
        { id: "u-ivy", name: "Ivy Chen", email: "ivy@example.com" },
        { id: "u-omar", name: "Omar Haddad", email: "omar@example.com" },
      ],
    },
    intervieweesConnection: {
      interviewees: [
        {
          name: "Amara Okafor",
          email: "amara@example.net",
          intervieweeLobbyUrl: "https://indeed.example/lobby/interviewee/1",
          interviewRecordsConnection: {
            records: [
              {
                id: "r1",
                recordingUrl: "https://indeed.example/rec/1",
                interviewOutcomesConnection: {
                  outcomes: [
                    {
                      interviewer: { id: "u-ivy", name: "Ivy Chen", email: "ivy@example.com" },
                      decision: { value: "YES", noteText: "Strong system design." },
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
    ...overrides,
  } as InterviewEvent;
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

const render = (overrides?: Partial<InterviewEvent>) =>
  renderToStaticMarkup(<InterviewDetail event={event(overrides)} timeZones={[]} now={NOW} />);

describe("InterviewDetail", () => {
  it("names the language and country, with the codes Indeed holds", () => {
    expect(text(render())).toContain("Language French (fr) Country Canada (CA)");
    expect(text(render({ languageCode: null, countryCode: "C1" }))).toContain(
      "Language Not set Country C1",
    );
  });

  it("shows the recording with days left and the decisions after the lobby links", () => {
    const html = render();
    expect(text(html)).toMatch(
      /Lobby links .*Recordings Session 1 Watch recording 89 days left .*Decisions Ivy Chen : Yes Strong system design\. Not decided yet: Omar Haddad/,
    );
    // The lobby links keep their copy buttons.
    expect(html).toContain('aria-label="Copy the interviewer lobby link"');
    expect(html).toContain('aria-label="Copy the interviewee lobby link"');
  });

  it("shows the time in the zone the browser last reported from the server, unless it is the event's", () => {
    const inParis = renderToStaticMarkup(
      <InterviewDetail event={event()} timeZones={[]} now={NOW} viewerZone="Europe/Paris" />,
    );
    expect(text(inParis)).toContain(
      "In your time zone (Europe/Paris): Fri, Jun 19, 2026, 4:00 – 5:00 PM GMT+2",
    );
    const inToronto = renderToStaticMarkup(
      <InterviewDetail event={event()} timeZones={[]} now={NOW} viewerZone="America/Toronto" />,
    );
    expect(text(inToronto)).not.toContain("In your time zone");
    expect(text(render())).not.toContain("In your time zone");
  });
});
