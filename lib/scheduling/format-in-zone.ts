import { isTimeZone } from "./is-time-zone";

/**
 * Instants shown in a zone, with the runtime's Intl only: the browser formats times without
 * date-fns. Re-exported by ./time.ts, where the zone arithmetic lives.
 */

/**
 * ICU puts a narrow no-break space before "PM" and thin spaces around a range's dash; Node's ICU
 * does, Chromium's patched one prints plain spaces. Text rendered on the server and hydrated in
 * the browser must be the same string in both, or React discards the server's HTML (a click
 * during that takeover is lost), so every formatted time goes through this.
 */
export function withPlainSpaces(text: string): string {
  return text.replace(/[\u00a0\u2009\u202f]/g, " ");
}

export function asDate(value: Date | string): Date {
  return typeof value === "string" ? new Date(value) : value;
}

/** Weekday, date, time and zone abbreviation, shown in `zone`. */
function readableInZone(zone: string, locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
}

/** A readable moment in a zone, e.g. "Sun, Mar 8, 2026, 10:30 AM PDT". */
export function formatInZone(instant: Date | string, zone: string, locale = "en-US"): string {
  return withPlainSpaces(readableInZone(zone, locale).format(asDate(instant)));
}

/** A range in one zone: "Sun, Mar 8, 2026, 10:30 AM – 11:30 AM PDT" when on one day. */
export function formatRangeInZone(
  start: Date | string,
  end: Date | string,
  zone: string,
  locale = "en-US",
): string {
  return withPlainSpaces(readableInZone(zone, locale).formatRange(asDate(start), asDate(end)));
}

/**
 * ICU lists some zones under names IANA has since replaced (CLDR keeps the old ones as its
 * canonical ids): people search for "Kolkata", not "Calcutta". Old name → current IANA name.
 */
export const RENAMED_TIME_ZONES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** The current IANA name of a zone (a browser may report `Asia/Calcutta`). */
export function currentZoneName(zone: string): string {
  const renamed = RENAMED_TIME_ZONES[zone];
  return renamed && isTimeZone(renamed) ? renamed : zone;
}
