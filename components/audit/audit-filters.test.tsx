import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuditFilters } from "./audit-filters";

describe("AuditFilters", () => {
  it("marks a refused filter invalid and describes it by the server's message", () => {
    const html = renderToStaticMarkup(
      <AuditFilters
        values={{ from: "2026-13-01", order: "newest" }}
        errors={{ from: "Enter a real date" }}
        people={[{ id: "u1", label: "Dana Recruiter" }]}
      />,
    );
    expect(html).toMatch(/<input[^>]*id="audit-from"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<input[^>]*id="audit-from"[^>]*aria-describedby="audit-from-error"/);
    expect(html).toContain('id="audit-from-error"');
    expect(html).toContain("Enter a real date");
    expect(html).toMatch(/<input[^>]*id="audit-to"/);
    expect(html.match(/<input[^>]*id="audit-to"[^>]*>/)?.[0]).not.toContain('aria-invalid="');
    expect(html).toMatch(/<option value="newest" selected="">/);
    expect(html).toContain('<label for="audit-person"');
    // A filtered log offers to clear its filters.
    expect(html).toContain(">Clear</a>");
  });
});
