import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { readError } from "@/lib/http/error-body";

/**
 * Shows a failed operation in a form: each of the route's `fieldErrors` (keyed by variable
 * path, e.g. `input.endTime`) at the field it concerns, anything else as the form's root error.
 * The error is read like a route's error body (lib/http/error-body.ts).
 */
export function applyRouteError<Values extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<Values>,
  fieldFor: (path: string) => Path<Values> | undefined,
): void {
  const routeError = readError(error);
  let shown = false;
  for (const [path, message] of Object.entries(routeError.fieldErrors)) {
    const field = fieldFor(path);
    if (!field) continue;
    setError(field, { type: "server", message }, { shouldFocus: !shown });
    shown = true;
  }
  if (shown) return;
  // After signing in again or waiting out a rate limit, the same entries can be sent again.
  const entriesKept =
    routeError.code === "NOT_SIGNED_IN" ||
    routeError.code === "RECONNECT_REQUIRED" ||
    routeError.code === "RATE_LIMITED";
  setError("root" as Path<Values>, {
    type: "server",
    message: entriesKept
      ? `${routeError.message}. Your entries are still here.`
      : routeError.message,
  });
}

/** The last segment of a variable path: `input.title` → `title`. */
export function lastSegment(path: string): string {
  return path.split(".").at(-1) ?? path;
}

/**
 * Whether Indeed may have made the change without saying so (409 OUTCOME_UNKNOWN): the form
 * checks with Indeed before it offers the change again (issue 13).
 */
export function isOutcomeUnknown(error: unknown): boolean {
  return readError(error).code === "OUTCOME_UNKNOWN";
}
