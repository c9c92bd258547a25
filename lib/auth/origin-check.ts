/**
 * Is this request from the app's own pages? Browsers send `Origin` on every POST (and
 * `Sec-Fetch-Site` when they know it); a request that is cross-site by either header, or whose
 * origin is opaque (`Origin: null`), or that carries no Origin at all, is refused. Pure: no
 * server imports, so tests and the proxy can both use it.
 */
export type OriginCheck = { ok: true } | { ok: false; reason: string };

export function checkSameOrigin(headers: Pick<Headers, "get">, appUrl: string): OriginCheck {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    return { ok: false, reason: `sec-fetch-site ${site}` };
  }
  const origin = headers.get("origin");
  if (origin === null) return { ok: false, reason: "no origin" };
  if (origin === "null") return { ok: false, reason: "opaque origin" };
  let expected: string;
  let actual: string;
  try {
    expected = new URL(appUrl).origin;
    actual = new URL(origin).origin;
  } catch {
    return { ok: false, reason: "malformed origin" };
  }
  return actual === expected ? { ok: true } : { ok: false, reason: "foreign origin" };
}
