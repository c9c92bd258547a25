/**
 * How strictly the sandbox plays Indeed where the guide leaves room (ADRs 0006 and 0033):
 *
 * - `schema`: `extended` serves the reconstructed SDL as it is; `guide` refuses every input
 *   field and enum value Indeed's guide does not show (guide-schema.ts).
 * - `access`: `interviewer` lets only an event's interviewers (the creator included, from any
 *   employer) read or change it, as the guide says; `employer` lets anyone of the event's
 *   employer act, the sandbox's earlier behaviour.
 *
 * Chosen at start (`SANDBOX_SCHEMA`, `SANDBOX_ACCESS`, or `startSandbox` options) and changed
 * through `POST /_sandbox/schema` and `POST /_sandbox/access`. Not persisted: a reset or a
 * restart goes back to the start choice.
 */

export const SCHEMA_MODES = ["extended", "guide"] as const;
export type SchemaMode = (typeof SCHEMA_MODES)[number];

export const ACCESS_MODES = ["interviewer", "employer"] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export interface InterviewApiModes {
  schema: SchemaMode;
  access: AccessMode;
}

export const DEFAULT_MODES: InterviewApiModes = { schema: "extended", access: "interviewer" };

/** A mode from an environment variable: undefined or empty is the default, anything else unknown is an error. */
export function modeFromEnv<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === "") return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${name} must be one of ${allowed.join(", ")}; got "${value}"`);
}
