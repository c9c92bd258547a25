/**
 * An ISO-8601 date and time with a UTC offset (`Z` or `±hh:mm`), as Indeed sends instants. Its
 * own module, without zod, so the calendar can read Indeed's times in the browser (rules.ts
 * builds the operations' schema from the same pattern).
 */
export const OFFSET_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export function isOffsetDateTime(value: string): boolean {
  return value.length <= 40 && OFFSET_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}
