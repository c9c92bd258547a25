import { z } from "zod";
import { INTERVIEW_ID_MAX_LENGTH, INTERVIEW_ID_PATTERN } from "./interview-id";

/**
 * The ids the workspace pages take from their URL, checked before they reach the database or
 * Indeed: anything else is a 404, never a 500. Indeed's event ids: see ./interview-id.ts.
 */
export const interviewIdSchema = z
  .string()
  .min(1)
  .max(INTERVIEW_ID_MAX_LENGTH)
  .regex(INTERVIEW_ID_PATTERN);

/** An application's row id (uuid) or its ATS id (letters, digits, `-`, `_`; at most 64). */
export const applicationIdSchema = z.union([z.uuid(), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]);

/**
 * A route segment as the page receives it, percent-decoded once more if it still holds escapes
 * (a link encodes the id's `/` and `=`), then checked; undefined means "not found".
 */
export function parseRouteId(schema: z.ZodType<string>, segment: string): string | undefined {
  let value = segment;
  if (value.includes("%")) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
