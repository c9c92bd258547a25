/**
 * Where `/account/sign-in?return_to=` may send the browser: a path on the sandbox, never
 * another site. A deliberate copy of `localPath` in the app's `lib/auth/return-path.ts` (the
 * sandbox never imports app code): the same rule, so both sides refuse the same spellings.
 * Keep the two in step.
 */

const MAX_LENGTH = 2048;
const BASE = "http://sandbox.invalid";

// Browsers drop tabs and newlines inside URLs and read `\` as `/`, so `/\t/evil` and `/\evil`
// are `//evil` to them. Control characters have no place in a path either.
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f\\]/;

/**
 * A same-origin path (`/x?y#z`), normalised, or `undefined`. `value` is checked raw, after
 * percent-decoding and after Unicode compatibility folding (a full-width `／` is a `/` to some
 * parsers), so no spelling of `//host`, `/\host` or a scheme survives.
 */
export function localPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return;
  const decoded = decode(value);
  if (decoded === undefined) return; // malformed percent-encoding
  for (const spelling of [value, decoded, decoded.normalize("NFKC")]) {
    if (!isLocal(spelling)) return;
    // `new URL` resolves dot segments: `/.//evil` and `/%2e//evil` become `//evil`.
    const resolved = new URL(spelling, BASE).pathname;
    const decodedResolved = decode(resolved);
    if (decodedResolved === undefined || !isLocal(resolved) || !isLocal(decodedResolved)) return;
  }
  const parsed = new URL(value, BASE);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** Starts with one `/`, then neither `/` nor `\`, holds no control character. */
function isLocal(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !UNSAFE_CHARACTER.test(path);
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
