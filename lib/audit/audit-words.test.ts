import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditActionLabel, isAuditAction } from "./actions";
import { summariseAuditDetails } from "./audit-details";

describe("audit actions in words", () => {
  it("names each action Lobby writes, and shows an unknown one as it was stored", () => {
    expect(auditActionLabel("auth.sign_in")).toBe("Signed in");
    expect(auditActionLabel("interview.create")).toBe("Scheduled an interview");
    expect(auditActionLabel("interview.cancel")).toBe("Canceled an interview");
    expect(auditActionLabel("legacy.thing")).toBe("legacy.thing");
    expect(isAuditAction("legacy.thing")).toBe(false);
  });

  it("has a label for every change record-interview-change audits", () => {
    for (const change of [
      "reschedule",
      "add_interviewers",
      "add_interviewee",
      "set_title",
      "set_timezone",
    ])
      expect(Object.keys(AUDIT_ACTIONS)).toContain(`interview.${change}`);
  });
});

describe("an entry's details in a line", () => {
  it("names known keys, joins lists, leaves out empty values and linked ids", () => {
    expect(
      summariseAuditDetails({
        applicationId: "a1",
        title: "Phone screen",
        interviewers: ["ann@example.com", "bo@example.com"],
        intervieweeEmail: null,
        reason: "",
        added: [],
      }),
    ).toBe("Title: Phone screen; Interviewers: ann@example.com, bo@example.com");
  });

  it("shows an unknown key by its name and an object as JSON", () => {
    expect(summariseAuditDetails({ counts: { deleted: 2 }, note: 3 })).toBe(
      'counts: {"deleted":2}; note: 3',
    );
    expect(summariseAuditDetails({})).toBe("");
  });
});

describe("a change read back from Indeed", () => {
  it("shows each field's before and after", () => {
    expect(
      summariseAuditDetails({
        changes: {
          status: { from: "SCHEDULED", to: "CANCELED" },
          title: { from: "Screen", to: null },
        },
      }),
    ).toBe("Changed: status SCHEDULED → CANCELED, Title Screen → —");
  });
});
