import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Fails the test when axe finds any WCAG 2.1 A/AA violation on the page as it is now.
 * Every page test calls this; the message lists each rule and the elements it found.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Next streams a dynamic page's metadata after its content, on a refresh too, so the title
  // can be missing for a moment after a change. Wait for it; a page that never gets one is
  // still failed by axe's document-title rule below.
  await page
    .waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 })
    .catch(() => undefined);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  expect(summary, `axe found violations on ${page.url()}`).toEqual([]);
}
