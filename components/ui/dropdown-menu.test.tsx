import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "./dropdown-menu";

describe("DropdownMenu before it is first opened", () => {
  const html = renderToStaticMarkup(
    <DropdownMenu>
      <DropdownMenuTrigger className="menu-button" data-testid="account-menu">
        Acme Robotics
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuItem>Sign out</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>,
  );

  it("is a real button that says it opens a menu, closed, with the caller's props", () => {
    expect(html).toMatch(/^<button type="button" aria-haspopup="menu" aria-expanded="false"/);
    expect(html).toContain('data-state="closed"');
    expect(html).toContain('class="menu-button"');
    expect(html).toContain('data-testid="account-menu"');
    expect(html).toContain(">Acme Robotics</button>");
  });

  it("renders none of the menu's inside (Radix's parts are fetched on opening)", () => {
    expect(html).not.toContain("Sign out");
    expect(html).not.toContain('role="menu"');
  });
});
