import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "./button";
import { Field } from "./field";
import { Input } from "./input";

describe("Field", () => {
  it("labels its control and describes it by the help and the error", () => {
    const html = renderToStaticMarkup(
      <Field
        id="title"
        label="Title"
        description="Shown to everyone"
        error="Enter a title"
        required
      >
        <Input />
      </Field>,
    );
    expect(html).toContain('for="title"');
    expect(html).toMatch(/<input[^>]*id="title"/);
    expect(html).toMatch(/<input[^>]*aria-describedby="title-description title-error"/);
    expect(html).toMatch(/<input[^>]*aria-invalid="true"/);
    expect(html).toContain('id="title-error"');
    expect(html).toContain("Enter a title");
  });

  it("leaves a valid control without an invalid state or an error id", () => {
    const html = renderToStaticMarkup(
      <Field id="email" label="Email">
        <Input />
      </Field>,
    );
    expect(html).not.toContain('aria-invalid="');
    expect(html).not.toContain('aria-describedby="');
  });
});

describe("Button", () => {
  it("is a non-submitting button by default and busy while loading", () => {
    const html = renderToStaticMarkup(<Button loading>Save</Button>);
    expect(html).toContain('type="button"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain("disabled");
  });
});
