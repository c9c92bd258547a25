import { describe, expect, it } from "vitest";
import { addEmails } from "./add-emails";

describe("addEmails", () => {
  it("adds each new address once, whatever its case, and reports the rest as skipped", () => {
    expect(
      addEmails(
        ["Ada@Example.com"],
        "ada@example.com, grace@example.com; GRACE@example.com  me@x.io",
        ["ME@x.io"],
      ),
    ).toEqual({
      emails: ["Ada@Example.com", "grace@example.com"],
      added: ["grace@example.com"],
      skipped: ["ada@example.com", "GRACE@example.com", "me@x.io"],
    });
  });

  it("ignores blank input", () => {
    expect(addEmails([], " , ;")).toEqual({ emails: [], added: [], skipped: [] });
  });
});
