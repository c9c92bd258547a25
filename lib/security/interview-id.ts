/**
 * Indeed's event ids as Lobby accepts them: opaque, the ones seen are base64 (the guide's) or
 * uuids, at most 300 characters as the operations' schema allows. Its own module, without zod,
 * so the calendar can check the ids it sends in the browser (route-ids.ts builds the schema).
 */
export const INTERVIEW_ID_MAX_LENGTH = 300;
export const INTERVIEW_ID_PATTERN = /^[A-Za-z0-9+/=_.:-]+$/;

export function isInterviewId(value: unknown): value is string {
  return (
    typeof value === "string" &&
    value.length > 0 &&
    value.length <= INTERVIEW_ID_MAX_LENGTH &&
    INTERVIEW_ID_PATTERN.test(value)
  );
}
