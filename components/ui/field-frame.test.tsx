import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FieldFrame, fieldControlProps, fieldIds } from "./field-frame";

function field(options: { description?: string; error?: string; required?: boolean }) {
  const ids = fieldIds("org", options);
  return renderToStaticMarkup(
    <FieldFrame ids={ids} label="Organizer" description={options.description} error={options.error}>
      <input {...fieldControlProps(ids)} name="org" />
    </FieldFrame>,
  );
}

describe("FieldFrame without a client Field", () => {
  it("labels the control and describes it by the help and the error", () => {
    const html = field({
      description: "Shown on invitations",
      error: "Enter a name",
      required: true,
    });
    expect(html).toContain('<label for="org"');
    expect(html).toMatch(/<input[^>]*id="org"/);
    expect(html).toMatch(/<input[^>]*aria-describedby="org-description org-error"/);
    expect(html).toMatch(/<input[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<input[^>]*aria-required="true"/);
    expect(html).toContain('id="org-error"');
    expect(html).toContain("Enter a name");
  });

  it("leaves a valid, optional control undescribed and not invalid", () => {
    const html = field({});
    expect(html).not.toContain("aria-invalid");
    expect(html).not.toContain("aria-describedby");
    expect(html).not.toContain("aria-required");
    expect(html).not.toContain('aria-hidden="true"');
  });
});
