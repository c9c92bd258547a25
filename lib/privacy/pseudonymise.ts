/**
 * Erasure's pseudonymisation: every occurrence of a job seeker's identifiers (their address,
 * their name as applications and messages gave it) in a string or a JSON value is replaced by
 * a token that names the request, not the person (`erased-<requestId>`). Matching ignores case;
 * JSON keys are kept (they name fields, not people). Pure, so it is tested on its own.
 */

export function erasureToken(requestId: string): string {
  return `erased-${requestId}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * One pattern for all identifiers, longest first so an address wins over a name inside it.
 * `wholeWords` (the parts of a name: "Robin", "Park") match only as whole words, so "Rob" never
 * eats into "Robotics".
 */
export function identifierPattern(
  identifiers: readonly string[],
  wholeWords: readonly string[] = [],
): RegExp | null {
  const clean = (values: readonly string[]) => [
    ...new Set(values.map((value) => value.trim()).filter(Boolean)),
  ];
  const byLength = (a: string, b: string) => b.length - a.length;
  const alternatives = [
    ...clean(identifiers).sort(byLength).map(escapeRegExp),
    ...clean(wholeWords)
      .sort(byLength)
      .map((word) => `(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`),
  ];
  return alternatives.length > 0 ? new RegExp(alternatives.join("|"), "giu") : null;
}

/** The parts of a name worth matching on their own: three letters or more. */
export function nameParts(name: string): string[] {
  return name.split(/[\s,.'-]+/u).filter((part) => part.length >= 3);
}

export function pseudonymiseText(text: string, pattern: RegExp | null, token: string): string {
  return pattern ? text.replace(pattern, token) : text;
}

/** A copy of `value` with identifiers replaced in every string it holds, at any depth. */
export function pseudonymiseJson<T>(value: T, pattern: RegExp | null, token: string): T {
  if (typeof value === "string") return pseudonymiseText(value, pattern, token) as T;
  if (Array.isArray(value)) return value.map((item) => pseudonymiseJson(item, pattern, token)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, pseudonymiseJson(inner, pattern, token)]),
    ) as T;
  }
  return value;
}

/** Whether `value` (any JSON) still holds one of the identifiers. */
export function mentions(value: unknown, pattern: RegExp | null): boolean {
  if (!pattern) return false;
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  // A fresh, non-global copy: a global pattern's `test` would carry lastIndex between calls.
  return new RegExp(pattern.source, "iu").test(text);
}
