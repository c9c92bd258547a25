import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SessionDecisions } from "@/lib/calendar/decisions";
import { DecisionsSection } from "./decisions-section";

const ivy = { id: "u-ivy", name: "Ivy Chen", email: "ivy@example.com" };
const omar = { id: "u-omar", name: "Omar Haddad", email: "omar@example.com" };
const kim = { id: null, name: null, email: "kim@example.com" };

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

const render = (sessions: SessionDecisions[]) =>
  text(renderToStaticMarkup(<DecisionsSection sessions={sessions} />));

describe("DecisionsSection", () => {
  it("shows each interviewer's decision in words with the note, then who has not decided", () => {
    const page = render([
      {
        decided: [
          { interviewer: ivy, value: "YES", label: "Yes", note: "Clear on trade-offs." },
          { interviewer: omar, value: "MAYBE", label: "Maybe", note: null },
        ],
        undecided: [kim],
      },
    ]);
    expect(page).toContain(
      "Decisions Ivy Chen : Yes Clear on trade-offs. Omar Haddad : Maybe Not decided yet: kim@example.com",
    );
    expect(page).not.toContain("Session 1");
  });

  it("says no decisions yet, and who is yet to decide", () => {
    expect(render([{ decided: [], undecided: [ivy, kim] }])).toContain(
      "No decisions yet. Not decided yet: Ivy Chen, kim@example.com",
    );
  });

  it("says no decisions yet before any session, and heads each session when there are several", () => {
    expect(render([])).toContain("No decisions yet.");
    const page = render([
      {
        decided: [{ interviewer: ivy, value: "NO", label: "No", note: "Not a fit." }],
        undecided: [],
      },
      { decided: [], undecided: [ivy] },
    ]);
    expect(page).toMatch(/Session 1 Ivy Chen : No Not a fit\. Session 2 No decisions yet\./);
  });
});
