import { describe, expect, it } from "vitest";
import {
  decisionLabel,
  eventDecisions,
  type EventSessionFields,
  type OutcomeFields,
  personLabel,
  sessionDecisions,
  sessionsOf,
  undecidedInterviewers,
} from "./decisions";

const ana = { id: "acc-ana", email: "ana@example.com", name: "Ana" };
const bo = { id: null, email: "Bo@Example.com", name: null };
const cy = { id: "acc-cy", email: "cy@example.com", name: "Cy" };

function decided(
  interviewer: OutcomeFields["interviewer"],
  value: string | null,
  noteText?: string | null,
) {
  return { interviewer, decision: { value, noteText } };
}

function event(...sessions: OutcomeFields[][]): EventSessionFields {
  return {
    interviewersConnection: { interviewers: [ana, bo, null, cy] },
    intervieweesConnection: {
      interviewees: [
        {
          interviewRecordsConnection: {
            records: sessions.map((outcomes, index) => ({
              id: `r${index + 1}`,
              interviewOutcomesConnection: { outcomes },
            })),
          },
        },
      ],
    },
  };
}

describe("sessionDecisions", () => {
  it("lists each decision with its label and note, and the interviewers left over", () => {
    const result = sessionDecisions(
      { interviewOutcomesConnection: { outcomes: [decided(ana, "YES", "  Strong on design  ")] } },
      [ana, bo, cy],
    );
    expect(result.decided).toEqual([
      { interviewer: ana, value: "YES", label: "Yes", note: "Strong on design" },
    ]);
    expect(result.undecided).toEqual([bo, cy]);
  });

  it("matches decisions to interviewers by account id, else by email in any case", () => {
    const result = sessionDecisions(
      {
        interviewOutcomesConnection: {
          outcomes: [
            decided({ id: "acc-ana" }, "NO"),
            decided({ email: "bo@example.com" }, "MAYBE"),
          ],
        },
      },
      [ana, bo, cy],
    );
    expect(result.decided.map((d) => d.label)).toEqual(["No", "Maybe"]);
    expect(result.undecided).toEqual([cy]);
  });

  it("reads an outcome without a value, and an empty note, as no decision and no note", () => {
    const result = sessionDecisions(
      {
        interviewOutcomesConnection: {
          outcomes: [decided(ana, null), null, decided(cy, "MAYBE", "   ")],
        },
      },
      [ana, cy],
    );
    expect(result.decided).toEqual([
      { interviewer: cy, value: "MAYBE", label: "Maybe", note: null },
    ]);
    expect(result.undecided).toEqual([ana]);
  });

  it("does not count a decision naming nobody for an interviewer without id or email", () => {
    const anonymous = { name: "Guest" };
    const result = sessionDecisions(
      { interviewOutcomesConnection: { outcomes: [decided(null, "YES")] } },
      [anonymous],
    );
    expect(result.decided).toHaveLength(1);
    expect(result.undecided).toEqual([anonymous]);
  });
});

describe("eventDecisions and undecidedInterviewers", () => {
  it("maps decisions per session, in session order", () => {
    const sessions = eventDecisions(event([decided(ana, "YES")], [decided(bo, "NO", "Late")]));
    expect(
      sessions.map((s) => s.decided.map((d) => [personLabel(d.interviewer), d.label])),
    ).toEqual([[["Ana", "Yes"]], [["Bo@Example.com", "No"]]]);
    expect(sessions[0]?.undecided).toEqual([bo, cy]);
    expect(sessions[1]?.undecided).toEqual([ana, cy]);
  });

  it("counts an interviewer as decided once they decided on any session", () => {
    expect(undecidedInterviewers(event([decided(ana, "YES")], [decided(bo, "NO")]))).toEqual([cy]);
    expect(undecidedInterviewers(event())).toEqual([ana, bo, cy]);
  });

  it("has no sessions, and so no per-session decisions, before an interview is held", () => {
    expect(sessionsOf(event())).toEqual([]);
    expect(eventDecisions({})).toEqual([]);
  });
});

describe("labels", () => {
  it("names decisions in words and keeps a value Indeed adds later", () => {
    expect(["YES", "MAYBE", "NO", "STRONG_YES"].map(decisionLabel)).toEqual([
      "Yes",
      "Maybe",
      "No",
      "STRONG_YES",
    ]);
  });

  it("names a person by name, else email", () => {
    expect([ana, bo, { name: "  " }, null].map(personLabel)).toEqual([
      "Ana",
      "Bo@Example.com",
      "An interviewer",
      "An interviewer",
    ]);
  });
});
