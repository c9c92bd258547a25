import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { CalendarProblem } from "./calendar-problem";

// "Try again" renders the page again through Next's router, which is not mounted here.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("CalendarProblem", () => {
  it.each([
    ["RECONNECT_REQUIRED", 409, /Reconnect to Indeed[\s\S]*Sign in with Indeed/],
    ["NOT_SIGNED_IN", 401, /Reconnect to Indeed/],
    ["FORBIDDEN", 403, /not allowed to see these interviews/],
    ["INDEED_UNAVAILABLE", 503, /Indeed is unreachable[\s\S]*Applications[\s\S]*Try again/],
    ["RATE_LIMITED", 429, /could not be loaded[\s\S]*Try again/],
  ] as const)("says what to do on %s", (code, status, expected) => {
    const html = renderToStaticMarkup(
      <CalendarProblem error={{ code, message: "Indeed said no", status }} />,
    );
    expect(text(html)).toMatch(expected);
    expect(html).toContain('role="alert"');
  });

  it("sends a reconnect back to the calendar after signing in", () => {
    const html = renderToStaticMarkup(
      <CalendarProblem error={{ code: "RECONNECT_REQUIRED", message: "-", status: 409 }} />,
    );
    expect(html).toContain('href="/signin?callbackUrl=%2Finterviews"');
  });
});
