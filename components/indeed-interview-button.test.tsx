import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { indeedButtonSpec } from "./indeed-button-spec";
import { IndeedInterviewButton, interviewFormHref } from "./indeed-interview-button";

describe("IndeedInterviewButton", () => {
  it("is a link to the prefilled create form, so it works without JavaScript", () => {
    const html = renderToStaticMarkup(
      <IndeedInterviewButton
        application={{
          applicationId: "APP-42_x",
          name: "Zoë O'Brien",
          email: "zoe+1@example.com",
          jobTitle: "R&D Lead",
        }}
      />,
    );
    expect(html).toMatch(/^<a /);
    expect(html).toContain(
      'href="/interviews/new?applicationId=APP-42_x&amp;name=Zo%C3%AB+O%27Brien&amp;email=zoe%2B1%40example.com&amp;jobTitle=R%26D+Lead"',
    );
    expect(html).toContain("Create interview with Indeed");
    expect(html).toMatch(/<svg aria-hidden="true"/);
  });

  it("names the applicant for screen readers when asked", () => {
    const html = renderToStaticMarkup(
      <IndeedInterviewButton application={{}} accessibleContext="Ada Lovelace" />,
    );
    expect(html).toContain('<span class="sr-only"> for Ada Lovelace</span>');
  });

  it("is out of the tab order and marked disabled when disabled", () => {
    const html = renderToStaticMarkup(
      <IndeedInterviewButton application={{ name: "Ada" }} disabled />,
    );
    expect(html).toMatch(/^<span role="link" aria-disabled="true"/);
    expect(html).not.toContain("href=");
  });

  it("takes every colour and size from the spec, so a new spec restyles it", () => {
    const spec = {
      ...indeedButtonSpec,
      label: "Schedule on Indeed",
      radius: "999px",
      surfaces: {
        ...indeedButtonSpec.surfaces,
        light: { ...indeedButtonSpec.surfaces.light, background: "#123456" },
      },
    };
    const html = renderToStaticMarkup(
      <IndeedInterviewButton application={{}} spec={spec} size="lg" />,
    );
    expect(html).toContain("Schedule on Indeed");
    expect(html).toContain("--indeed-bg:#123456");
    expect(html).toContain("border-radius:999px");
    expect(html).toContain(`height:${indeedButtonSpec.sizes.lg.height}`);
  });
});

describe("interviewFormHref", () => {
  it("leaves out what it does not know", () => {
    expect(interviewFormHref({})).toBe("/interviews/new");
    expect(interviewFormHref({ email: "a@b.example" })).toBe("/interviews/new?email=a%40b.example");
  });
});
