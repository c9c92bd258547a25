import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { NavLinkPending } from "./nav-link-pending";

const linkStatus = vi.hoisted(() => ({ pending: false }));
vi.mock("next/link", () => ({ useLinkStatus: () => linkStatus }));

describe("NavLinkPending", () => {
  beforeEach(() => {
    linkStatus.pending = false;
  });

  it("shows the bar while the link's page is on its way", () => {
    linkStatus.pending = true;
    const markup = renderToStaticMarkup(<NavLinkPending />);
    expect(markup).toContain("opacity-100");
    expect(markup).not.toContain("opacity-0");
  });

  it("hides the bar otherwise, and never reads it to screen readers", () => {
    const markup = renderToStaticMarkup(<NavLinkPending />);
    expect(markup).toContain("opacity-0");
    expect(markup).not.toContain("opacity-100");
    expect(markup).toMatch(/^<span aria-hidden="true"/);
  });
});
