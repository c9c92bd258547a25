import { badInput } from "./api-error";
import { ISO_3166_1_ALPHA_2_CODES, ISO_639_1_CODES } from "./iso-codes";

/** Caps on what callers send; anything longer is a BAD_USER_INPUT, not a stored megabyte. */
export const LIMITS = {
  title: 255,
  name: 200,
  email: 254,
  atsName: 100,
  employerName: 200,
  jobId: 200,
  jobTitle: 255,
  ids: 100,
  pageSize: 100,
} as const;

// ISO-8601 (RFC 3339) date-time with seconds and an explicit offset ("Z" or ±hh:mm), the
// guide's own form. Minutes-only times and local times are refused, not guessed.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/i;

/**
 * Epoch ms of an ISO-8601 string with seconds and an offset; throws BAD_USER_INPUT otherwise.
 * The calendar is checked field by field: `2022-02-30` is refused, never rolled into March.
 */
export function parseDateTime(value: unknown, field: string): number {
  const match = typeof value === "string" && value.length <= 40 ? DATE_TIME.exec(value) : null;
  if (!match) {
    throw badInput(
      `${field} must be an ISO-8601 date and time with seconds and an offset, e.g. 2030-01-15T14:30:00+00:00.`,
    );
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetHours = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinutes = match[10] === undefined ? 0 : Number(match[10]);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const realDate =
    year >= 1 &&
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day;
  if (
    !realDate ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    throw badInput(`${field} '${clip(value as string)}' is not a real date and time.`);
  }
  const ms = Date.parse(value as string);
  if (Number.isNaN(ms)) throw badInput(`${field} is not a valid date and time.`);
  return ms;
}

/** `YYYY-MM-DDTHH:mm:ss+00:00`, the guide's own format, in UTC. */
export function formatDateTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  const millis = iso.slice(19, 23);
  return `${iso.slice(0, 19)}${millis === ".000" ? "" : millis}+00:00`;
}

/**
 * Time zones in the form Indeed's examples use: an IANA `Area/Location` name such as
 * `America/Los_Angeles`, plus `UTC` (and its canonical `Etc/UTC`). Legacy aliases (`EST`, `US/Pacific`, `Etc/GMT+5`,
 * `Japan`) are refused (ADR 0006); backward links of the same form (`Asia/Calcutta`) pass,
 * since the runtime's own list calls some of them canonical.
 */
const IANA_AREAS = new Set([
  "Africa",
  "America",
  "Antarctica",
  "Arctic",
  "Asia",
  "Atlantic",
  "Australia",
  "Europe",
  "Indian",
  "Pacific",
]);
const ZONE_NAME = /^[A-Za-z]+(\/[A-Za-z0-9_+-]+){1,2}$/;
const canonicalZones = new Set(Intl.supportedValuesOf("timeZone"));

export function isTimeZone(value: string): boolean {
  if (value === "UTC" || value === "Etc/UTC") return true;
  if (value.length > 64 || !ZONE_NAME.test(value)) return false;
  if (!IANA_AREAS.has(value.slice(0, value.indexOf("/")))) return false;
  if (canonicalZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function requireTimeZone(value: string, field: string): string {
  if (!isTimeZone(value))
    throw badInput(`${field} '${clip(value)}' is not an IANA time zone, e.g. America/Los_Angeles.`);
  return value;
}

const EMAIL =
  /^[^\s@"<>(),;:\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** A plausible address, lower-cased so "Ana@X.com" and "ana@x.com" are one interviewer. */
export function requireEmail(value: string, field: string): string {
  const email = value.trim();
  if (email.length > LIMITS.email || !EMAIL.test(email)) {
    throw badInput(`${field} '${clip(email)}' is not a valid email address.`);
  }
  return email.toLowerCase();
}

/** Trimmed, non-empty text of at most `max` characters. */
export function requireText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (text === "") throw badInput(`${field} must not be empty.`);
  if (text.length > max) throw badInput(`${field} is longer than ${max} characters.`);
  return text;
}

export function optionalText(
  value: string | null | undefined,
  field: string,
  max: number,
): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  return requireText(value, field, max);
}

/** A lower-case ISO 639-1 code (`fr`), exactly as sent: no trimming, no case folding. */
export function optionalLanguageCode(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!ISO_639_1_CODES.has(value)) {
    throw badInput(
      `languageCode '${clip(value)}' is not a lower-case ISO 639-1 language code, e.g. fr.`,
    );
  }
  return value;
}

/** An upper-case, officially assigned ISO 3166-1 alpha-2 code (`CA`), exactly as sent. */
export function optionalCountryCode(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!ISO_3166_1_ALPHA_2_CODES.has(value)) {
    throw badInput(
      `countryCode '${clip(value)}' is not an upper-case ISO 3166-1 alpha-2 country code, e.g. CA.`,
    );
  }
  return value;
}

/** Echoes at most 60 characters of what the caller sent back in a message. */
export function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
