import { describe, expect, it } from "vitest";
import {
  addDays,
  dataRequestSchema,
  dataRequestState,
  dueOn,
  utcDate,
} from "./data-request-schema";

describe("a data request's deadline", () => {
  it("is 30 days after it was received, across month and year ends", () => {
    expect(dueOn("2026-01-15")).toBe("2026-02-14");
    expect(dueOn("2026-12-10")).toBe("2027-01-09");
    expect(dueOn("2028-02-01")).toBe("2028-03-02");
  });

  it("counts the days left, is due on its last day and overdue the day after", () => {
    const request = { dueOn: "2026-02-14", fulfilledAt: null };
    expect(dataRequestState(request, "2026-02-10")).toEqual({ status: "open", daysLeft: 4 });
    expect(dataRequestState(request, "2026-02-14")).toEqual({ status: "open", daysLeft: 0 });
    expect(dataRequestState(request, "2026-02-15")).toEqual({ status: "overdue", daysLate: 1 });
    expect(dataRequestState(request, "2026-03-16")).toEqual({ status: "overdue", daysLate: 30 });
  });

  it("is never overdue once fulfilled", () => {
    expect(
      dataRequestState({ dueOn: "2026-02-14", fulfilledAt: new Date("2026-03-01") }, "2026-04-01"),
    ).toEqual({ status: "fulfilled" });
  });

  it("adds days in UTC", () => {
    expect(addDays("2026-03-28", 3)).toBe("2026-03-31");
    expect(utcDate(new Date("2026-03-08T23:30:00-05:00"))).toBe("2026-03-09");
  });
});

describe("dataRequestSchema (the form and the server action)", () => {
  const today = utcDate(new Date());

  it("keeps the address lower-cased and trimmed", () => {
    expect(
      dataRequestSchema.parse({
        email: "  Robin.Park@Example.NET ",
        kind: "access",
        receivedOn: today,
      }),
    ).toEqual({ email: "robin.park@example.net", kind: "access", receivedOn: today });
  });

  it.each([
    ["no address", { email: "" }, "email"],
    ["a name instead of an address", { email: "Robin Park" }, "email"],
    ["another kind", { kind: "rectification" }, "kind"],
    ["a date that is not one", { receivedOn: "30/01/2026" }, "receivedOn"],
    ["February 30th", { receivedOn: "2026-02-30" }, "receivedOn"],
    ["an impossible date", { receivedOn: "2026-13-45" }, "receivedOn"],
    ["a date next year", { receivedOn: addDays(today, 365) }, "receivedOn"],
  ])("refuses %s at its field", (_, change, field) => {
    const result = dataRequestSchema.safeParse({
      email: "robin@example.net",
      kind: "erasure",
      receivedOn: today,
      ...change,
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path[0])).toContain(field);
  });
});
