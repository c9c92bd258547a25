import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/**
 * Shows a failed operation in a form: each of the route's `fieldErrors` (keyed by variable
 * path, e.g. `input.endTime`) at the field it concerns, anything else as the form's root error.
 */
export function applyRouteError<Values extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<Values>,
  fieldFor: (path: string) => Path<Values> | undefined,
): void {
  const routeError = error as {
    code?: string;
    message?: string;
    fieldErrors?: Record<string, string>;
  };
  let shown = false;
  for (const [path, message] of Object.entries(routeError.fieldErrors ?? {})) {
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
      ? `${routeError.message ?? "Sign in again"}. Your entries are still here.`
      : (routeError.message ?? "Something went wrong; try again."),
  });
}

/** The last segment of a variable path: `input.title` → `title`. */
export function lastSegment(path: string): string {
  return path.split(".").at(-1) ?? path;
}
