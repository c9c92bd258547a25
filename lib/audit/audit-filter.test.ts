import { describe, expect, it } from "vitest";
import { auditFilterQuery, auditFilterRange, parseAuditFilter } from "./audit-filter";

describe("the audit log's filters", () => {
  it("reads the URL's values, trimmed, empty ones and unknown ones left out, with defaults", () => {
    const parsed = parseAuditFilter({
      from: " 2026-03-01 ",
      to: "",
      event: ["evt-1", "evt-2"],
      other: "x",
    });
    expect(parsed).toEqual({
      ok: true,
      filter: { from: "2026-03-01", event: "evt-1", order: "oldest", page: 1 },
      values: { from: "2026-03-01", event: "evt-1" },
    });
  });

  it("says which field is wrong, for each kind of bad value", () => {
    const parsed = parseAuditFilter({
      from: "03/01/2026",
      person: "dana",
      order: "sideways",
      page: "0",
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors).toEqual({
      from: "Enter a date as YYYY-MM-DD",
      person: "Choose a person from the list",
      order: "Choose oldest or newest first",
      page: "Pages start at 1",
    });
    expect(parsed.values.person).toBe("dana");
  });

  it("refuses an end date before the start date, and a day that does not exist", () => {
    expect(parseAuditFilter({ from: "2026-03-02", to: "2026-03-01" })).toMatchObject({
      ok: false,
      fieldErrors: { to: "The end date is before the start date" },
    });
    expect(parseAuditFilter({ to: "2026-02-30" })).toMatchObject({
      ok: false,
      fieldErrors: { to: "Enter a date as YYYY-MM-DD" },
    });
  });

  it("turns the dates into whole UTC days, the end day included", () => {
    expect(auditFilterRange({ from: "2026-03-01", to: "2026-03-01" })).toEqual({
      since: new Date("2026-03-01T00:00:00.000Z"),
      before: new Date("2026-03-02T00:00:00.000Z"),
    });
    expect(auditFilterRange({ to: "2026-12-31" })).toEqual({
      since: undefined,
      before: new Date("2027-01-01T00:00:00.000Z"),
    });
    expect(auditFilterRange({})).toEqual({ since: undefined, before: undefined });
  });

  it("writes the filter back as a query, defaults out, the page only for links", () => {
    const parsed = parseAuditFilter({
      from: "2026-03-01",
      person: "0b4a1c52-2f0e-4d5c-9d3e-3b6f1c2a9e11",
      order: "newest",
      page: "3",
    });
    if (!parsed.ok) throw new Error("expected a valid filter");
    expect(auditFilterQuery(parsed.filter).toString()).toBe(
      "from=2026-03-01&person=0b4a1c52-2f0e-4d5c-9d3e-3b6f1c2a9e11&order=newest",
    );
    expect(auditFilterQuery(parsed.filter, { page: true }).get("page")).toBe("3");
    const plain = parseAuditFilter({});
    if (!plain.ok) throw new Error("expected a valid filter");
    expect(auditFilterQuery(plain.filter, { page: true }).size).toBe(0);
  });
});
