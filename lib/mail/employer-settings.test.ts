import { describe, expect, it } from "vitest";
import { employerSettingsSchema } from "./employer-settings";

const valid = {
  organizerName: "  Acme Recruiting ",
  replyTo: "hiring@acme.example",
  contact: "+1 555 0100",
  defaultLanguage: "fr",
};

describe("employerSettingsSchema (the /settings form and its server action)", () => {
  it("accepts the four settings and trims the text", () => {
    expect(employerSettingsSchema.parse(valid)).toEqual({
      ...valid,
      organizerName: "Acme Recruiting",
    });
  });

  it("takes an optional contact for data requests, trimmed", () => {
    expect(
      employerSettingsSchema.parse({ ...valid, dataRequestsContact: " privacy@acme.example " })
        .dataRequestsContact,
    ).toBe("privacy@acme.example");
    expect(
      employerSettingsSchema.safeParse({ ...valid, dataRequestsContact: "x".repeat(201) }).success,
    ).toBe(false);
  });

  it.each([
    ["an empty organizer name", { organizerName: "  " }, "organizerName"],
    ["a reply-to that is not an address", { replyTo: "hiring at acme" }, "replyTo"],
    ["an empty contact", { contact: "" }, "contact"],
    ["a language without templates", { defaultLanguage: "it" }, "defaultLanguage"],
  ])("refuses %s at its field", (_, change, field) => {
    const result = employerSettingsSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path[0])).toEqual([field]);
  });
});
