/**
 * Where to go after signing in: only a relative path of the app. Anything else — absolute
 * URLs, protocol-relative `//host`, backslash tricks (`/\host`), control characters, the
 * auth routes themselves — becomes `/`. Pure; used by the sign-in page, next-auth's
 * `redirect` callback and `requireEmployerSession`.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Browsers ignore tabs and newlines in URLs and treat `\` as `/`: `/\t/evil` or `/\evil`.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(value, "http://lobby.invalid");
  } catch {
    return fallback;
  }
  if (parsed.origin !== "http://lobby.invalid") return fallback;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // Coming back to the sign-in machinery would loop.
  if (/^\/(api\/auth|signin)(\/|\?|#|$)/.test(parsed.pathname + "/")) return fallback;
  return path;
}
