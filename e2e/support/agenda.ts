import type { Locator, Page } from "@playwright/test";

// The calendar's agenda as a person finds it: the region of interviews by day.

export function agenda(page: Page): Locator {
  return page.getByRole("region", { name: "Interviews by day" });
}

/**
 * An interview's first link in the agenda. The demo's times follow the clock, so late in the
 * day an interview can run over midnight in New York, and the agenda lists it on both days.
 */
export function agendaLink(page: Page, title: string): Locator {
  return agenda(page).getByRole("link", { name: title, exact: true }).first();
}
