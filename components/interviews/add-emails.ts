/**
 * Adds the addresses in `text` (separated by spaces, commas or semicolons) to `current`,
 * skipping any already in `current` or `taken` in any letter case. Returns the new list and
 * what was added and skipped, for the announcement.
 */
export function addEmails(
  current: string[],
  text: string,
  taken: string[] = [],
): { emails: string[]; added: string[]; skipped: string[] } {
  const seen = new Set([...current, ...taken].map((email) => email.toLowerCase()));
  const added: string[] = [];
  const skipped: string[] = [];
  for (const email of text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (seen.has(email.toLowerCase())) skipped.push(email);
    else {
      seen.add(email.toLowerCase());
      added.push(email);
    }
  }
  return { emails: [...current, ...added], added, skipped };
}
