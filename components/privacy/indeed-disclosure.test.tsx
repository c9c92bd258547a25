import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { indeedDisclosure } from "@/lib/privacy/disclosure";
import { IndeedDisclosure } from "./indeed-disclosure";

const paths = (html: string) => [...html.matchAll(/data-path="([^"]+)"/g)].map((m) => m[1]);

describe("IndeedDisclosure (the list /privacy shows)", () => {
  it("shows every disclosed path of every mutation, with its words", () => {
    const html = renderToStaticMarkup(<IndeedDisclosure schemaExtensions />);
    for (const entry of Object.values(indeedDisclosure)) {
      expect(html).toContain(entry.when);
      for (const item of entry.items) {
        expect(html).toContain(`data-path="${item.path}">${item.item.replace(/'/g, "&#x27;")}<`);
      }
    }
    const listed = Object.values(indeedDisclosure).reduce((sum, e) => sum + e.items.length, 0);
    expect(paths(html)).toHaveLength(listed);
  });

  it("says the job's id and title are sent only where Lobby sends them", () => {
    const on = renderToStaticMarkup(<IndeedDisclosure schemaExtensions />);
    const off = renderToStaticMarkup(<IndeedDisclosure schemaExtensions={false} />);
    expect(on).toContain("the title of the job you applied to");
    expect(off).not.toContain("the title of the job you applied to");
    expect(off).toContain("your email address");
  });
});
