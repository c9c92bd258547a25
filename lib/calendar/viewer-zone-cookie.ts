import { isTimeZone } from "@/lib/scheduling/is-time-zone";

/**
 * The viewer's IANA zone, as the browser last reported it (docs/decisions/0043). The calendar
 * writes it on every visit; the server reads it to compute the same range the browser will, so
 * that its prefetched first page is the one the browser asks for. Not a secret: a zone name.
 */
export const VIEWER_ZONE_COOKIE = "lobby-viewer-zone";

/** A year: the zone of a laptop rarely changes, and a stale one only costs a refetch. */
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** The `document.cookie` assignment that records `zone`. */
export function viewerZoneCookie(zone: string, secure: boolean): string {
  const attributes = [`Path=/`, `Max-Age=${MAX_AGE_SECONDS}`, "SameSite=Lax"];
  if (secure) attributes.push("Secure");
  return `${VIEWER_ZONE_COOKIE}=${encodeURIComponent(zone)}; ${attributes.join("; ")}`;
}

/** The cookie's value as the browser wrote it (a zone name, unchecked), or null. */
export function decodeViewerZoneCookie(value: string | undefined): string | null {
  if (!value || value.length > 100) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The cookie's zone if it names one this runtime knows; anything else is ignored. */
export function readViewerZoneCookie(value: string | undefined): string | null {
  const zone = decodeViewerZoneCookie(value);
  return zone && isTimeZone(zone) ? zone : null;
}
