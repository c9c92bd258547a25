import { describe, expect, it } from "vitest";
import { createFormDefaults, defaultInterviewTitle } from "./create-form-defaults";

describe("defaultInterviewTitle", () => {
  it("names the applicant and the job when known", () => {
    expect(defaultInterviewTitle("Ada Lovelace", "Data Analyst")).toBe(
      "Interview with Ada Lovelace for Data Analyst",
    );
    expect(defaultInterviewTitle("Ada Lovelace")).toBe("Interview with Ada Lovelace");
    expect(defaultInterviewTitle(undefined, " Chef ")).toBe("Interview for Chef");
    expect(defaultInterviewTitle()).toBe("Interview");
  });
});

describe("createFormDefaults", () => {
  it("starts tomorrow in the given zone, not the machine's", () => {
    const now = new Date("2026-06-15T23:30:00Z");
    expect(createFormDefaults({ zone: "Asia/Kathmandu", now }).date).toBe("2026-06-17");
    expect(createFormDefaults({ zone: "America/Los_Angeles", now }).date).toBe("2026-06-16");
  });
});
