import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SignInButton } from "./sign-in-button";

describe("SignInButton", () => {
  it("is a link to the sign-in start with the return path, styled as a button", () => {
    const html = renderToStaticMarkup(
      <SignInButton callbackUrl="/interviews?view=week" size="sm" variant="outline">
        Reconnect to Indeed
      </SignInButton>,
    );
    expect(html).toMatch(/^<a [^>]*role="button"/);
    expect(html).toContain(
      'href="/api/auth/signin/indeed?callbackUrl=%2Finterviews%3Fview%3Dweek"',
    );
    expect(html).toMatch(/class="[^"]*border-slate-300[^"]*h-8/);
    expect(html).toContain(">Reconnect to Indeed</a>");
  });
});
