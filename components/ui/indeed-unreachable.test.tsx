import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { IndeedProblem } from "@/components/interviews/indeed-problem";
import { IndeedUnreachable } from "./indeed-unreachable";

// The retry renders the page again through Next's router, which is not mounted here.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("IndeedUnreachable", () => {
  it("says Indeed is unreachable, what the page cannot show, what still works, and offers a retry", () => {
    const html = renderToStaticMarkup(<IndeedUnreachable detail="The event cannot be shown." />);
    expect(html).toMatch(/<h1[^>]*>Indeed is unreachable<\/h1>/);
    expect(text(html)).toContain("Lobby cannot reach Indeed right now. The event cannot be shown.");
    for (const href of ["/applications", "/settings", "/privacy/requests"]) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<button[^>]*type="button"[^>]*>Try again<\/button>/);
  });

  it("sits in a page as a status beside what Lobby last saw, with the page's own retry", () => {
    const html = renderToStaticMarkup(
      <IndeedUnreachable variant="notice" detail="Last seen." retry={<a href="/x">Again</a>} />,
    );
    expect(html).toContain('role="status"');
    expect(html).not.toContain("<h1");
    expect(text(html)).toContain("Indeed is unreachable. Last seen.");
    expect(html).toContain('<a href="/x">Again</a>');
    expect(html).not.toContain("Try again");
  });

  it("takes a second-level heading inside a page that has its own", () => {
    const html = renderToStaticMarkup(<IndeedUnreachable headingLevel={2} detail="-" />);
    expect(html).toMatch(/<h2[^>]*>Indeed is unreachable<\/h2>/);
    expect(html).not.toContain("<h1");
  });
});

describe("IndeedProblem", () => {
  it("is the unreachable state for INDEED_UNAVAILABLE, and a reconnect or a retry otherwise", () => {
    expect(
      text(renderToStaticMarkup(<IndeedProblem code="INDEED_UNAVAILABLE" message="away" />)),
    ).toMatch(/Indeed is unreachable[\s\S]*Applications[\s\S]*Try again/);

    const reconnect = text(
      renderToStaticMarkup(<IndeedProblem code="RECONNECT_REQUIRED" message="Reconnect." />),
    );
    expect(reconnect).toContain("Reconnect to Indeed");
    expect(reconnect).toContain("Sign in with Indeed");
    expect(reconnect).not.toContain("unreachable");

    const limited = text(
      renderToStaticMarkup(<IndeedProblem code="RATE_LIMITED" message="Wait a minute." />),
    );
    expect(limited).toMatch(/Too many requests Wait a minute\. Try again/);
  });
});
