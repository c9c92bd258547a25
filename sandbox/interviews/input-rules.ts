import { badInput } from "./api-error";

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

// ISO-8601 date-time with seconds and an explicit offset ("Z" or ±hh:mm).
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Epoch ms of an ISO-8601 string with an offset; throws BAD_USER_INPUT otherwise. */
export function parseDateTime(value: unknown, field: string): number {
  if (typeof value !== "string" || value.length > 40 || !DATE_TIME.test(value)) {
    throw badInput(
      `${field} must be an ISO-8601 date and time with an offset, e.g. 2030-01-15T14:30:00+00:00.`,
    );
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badInput(`${field} is not a valid date and time.`);
  return ms;
}

/** `YYYY-MM-DDTHH:mm:ss+00:00`, the guide's own format, in UTC. */
export function formatDateTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  const millis = iso.slice(19, 23);
  return `${iso.slice(0, 19)}${millis === ".000" ? "" : millis}+00:00`;
}

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;
const canonicalZones = new Set(Intl.supportedValuesOf("timeZone"));

/** IANA names the runtime knows, including aliases such as `UTC` and `US/Pacific`. */
export function isTimeZone(value: string): boolean {
  if (canonicalZones.has(value)) return true;
  if (value.length > 64 || !ZONE_NAME.test(value)) return false;
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

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
// User-assigned or not-a-country alpha-2 codes ICU still names.
const NOT_COUNTRIES = /^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN)$/;

export function optionalLanguageCode(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const code = value.trim().toLowerCase();
  if (!/^[a-z]{2}$/.test(code) || languageNames.of(code) === code) {
    throw badInput(`languageCode '${clip(value)}' is not an ISO 639-1 language code, e.g. fr.`);
  }
  return code;
}

export function optionalCountryCode(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const code = value.trim().toUpperCase();
  const name =
    /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.test(code) ? regionNames.of(code) : undefined;
  if (!name || name === code || name === "Unknown Region") {
    throw badInput(
      `countryCode '${clip(value)}' is not an ISO 3166-1 alpha-2 country code, e.g. CA.`,
    );
  }
  return code;
}

/** Echoes at most 60 characters of what the caller sent back in a message. */
export function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
