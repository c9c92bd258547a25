import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmployerSettingsForm } from "./employer-settings-form";

describe("EmployerSettingsForm", () => {
  it("labels and describes each field from the page's words and shows the saved values", () => {
    const html = renderToStaticMarkup(
      <EmployerSettingsForm
        action={async (state) => state}
        defaults={{
          organizerName: "Acme Robotics",
          replyTo: "hiring@acme.example",
          contact: "+1 555 0100",
          defaultLanguage: "fr",
          dataRequestsContact: "",
        }}
        textFields={[
          {
            name: "replyTo",
            label: "Reply-to address",
            description: "Where an interviewee's reply goes.",
            required: true,
            type: "email",
            autoComplete: "email",
          },
        ]}
        languageField={{
          label: "Default language",
          description: "For interviews without a language of their own.",
        }}
        languages={[
          { value: "en", label: "English" },
          { value: "fr", label: "Français" },
        ]}
        submit={<button type="submit">Save settings</button>}
      />,
    );
    expect(html).toContain('<label for="settings-replyTo"');
    expect(html).toMatch(
      /<input[^>]*id="settings-replyTo"[^>]*aria-describedby="settings-replyTo-description"/,
    );
    const input = html.match(/<input[^>]*id="settings-replyTo"[^>]*>/)?.[0] ?? "";
    expect(input).toContain('name="replyTo"');
    expect(input).toContain('type="email"');
    expect(input).toContain('value="hiring@acme.example"');
    expect(html).not.toContain('aria-invalid="');
    expect(html).toMatch(/<label for="settings-defaultLanguage"[^>]*>Default language</);
    expect(html).toMatch(/<option value="fr" selected="">Français<\/option>/);
    // The page's submit button sits in a fieldset that disables it while saving.
    expect(html).toMatch(/<fieldset class="contents"><button type="submit">Save settings/);
  });
});
