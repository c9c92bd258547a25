/**
 * The mapping from Indeed's GraphQL errors to the app's one error (AppError, lib/http/app-error.ts).
 * Indeed's raw errors (messages of non-input errors, paths, locations, extensions, stacks) never
 * reach a caller. Pure: no server imports.
 */

import { AppError, defaultMessage } from "@/lib/http/app-error";

/** One entry of a GraphQL `errors` array, as far as we read it. */
export interface GraphqlErrorLike {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown } & Record<string, unknown>;
}

export function graphqlErrorCode(error: GraphqlErrorLike): string | undefined {
  const code = error.extensions?.code;
  return typeof code === "string" ? code : undefined;
}

// Field names Indeed's messages start with → the variable path under the operation's input.
const FIELD_PATTERN =
  /^(startTime|endTime|title|timezone|languageCode|countryCode|interviewers(?:\[\d+\])?(?:\.email)?|interviewee(?:\.(?:name|email))?|requestMetadata\.\w+|id|ids(?:\[\d+\])?|after|first)\b/;

/**
 * A domain's rewrite of one of Indeed's input messages into its own words, for a rule the
 * domain states (lib/scheduling/indeed-input-messages.ts): the transport knows no domain rule.
 */
export interface InputMessageRule {
  pattern: RegExp;
  /** The variable the message is about, when Indeed's message does not start with it. */
  field?: string;
  message: string;
}

/** Rewrites Indeed's input messages: the domain's rules first, then the generic ones. */
function friendlyInputMessage(
  message: string,
  rules: readonly InputMessageRule[],
): { field?: string; message: string } {
  const clipped = message.replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, 300);
  const lower = clipped.toLowerCase();
  const named = FIELD_PATTERN.exec(clipped)?.[1];
  const rule = rules.find((candidate) => candidate.pattern.test(lower));
  if (rule) return { field: rule.field ?? named, message: rule.message };
  if (/cursor/.test(lower))
    return { field: "after", message: "That page no longer exists; start from the first page" };
  const field = named;
  if (field && /email/.test(lower)) return { field, message: "Enter a valid email address" };
  if (field && /must not be empty/.test(lower)) return { field, message: "This field is required" };
  if (field && /longer than/.test(lower)) return { field, message: "This value is too long" };
  if (field && /(date|time)/.test(lower) && /(offset|valid)/.test(lower)) {
    return { field, message: "Enter a valid date and time" };
  }
  return { field, message: clipped };
}

/**
 * Turns a GraphQL `errors` array (with the root field's data null) into one AppError.
 * `inputRoot` is where the operation's input lives in our variables (`input`), so that
 * field errors are keyed like the form's fields (`input.endTime`); `rules` are the domain's
 * rewrites of Indeed's input messages.
 */
export function mapGraphqlErrors(
  errors: GraphqlErrorLike[],
  inputRoot = "input",
  rules: readonly InputMessageRule[] = [],
): AppError {
  const codes = errors.map(graphqlErrorCode);
  if (codes.includes("UNAUTHENTICATED")) return new AppError("RECONNECT_REQUIRED");
  if (codes.includes("RATE_LIMITED")) return new AppError("RATE_LIMITED");
  if (
    codes.some((code) => code === "INTERNAL_SERVER_ERROR" || code === "DOWNSTREAM_SERVICE_ERROR")
  ) {
    return new AppError("INDEED_UNAVAILABLE");
  }
  if (codes.includes("FORBIDDEN") || codes.includes("NOT_FOUND"))
    return new AppError(
      "FORBIDDEN",
      "Indeed shows and changes an interview only for its interviewers, and did not let you: ask one of them to add you.",
    );
  if (codes.includes("BAD_USER_INPUT") || codes.includes("BAD_REQUEST")) {
    const fieldErrors: Record<string, string> = {};
    let general: string | undefined;
    for (const error of errors) {
      const code = graphqlErrorCode(error);
      if (code !== "BAD_USER_INPUT" && code !== "BAD_REQUEST") continue;
      const text = typeof error.message === "string" ? error.message : "";
      const { field, message } = friendlyInputMessage(text, rules);
      if (field) {
        const key =
          field === "after" || field === "first" || field.startsWith("ids")
            ? field
            : `${inputRoot}.${field}`;
        fieldErrors[key] ??= message;
      } else {
        general ??= message;
      }
    }
    return new AppError("BAD_USER_INPUT", general ?? defaultMessage("BAD_USER_INPUT"), {
      fieldErrors,
    });
  }
  // GRAPHQL_PARSE_FAILED / VALIDATION_FAILED: our own document is out of step with Indeed.
  return new AppError("INTERNAL_ERROR");
}

/** A zod error's issues → `{ "input.endTime": "message" }` (first message per path). */
export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path
      .map((part) => (typeof part === "number" ? `[${part}]` : String(part)))
      .join(".");
    result[(key || "_").replace(/\.\[/g, "[")] ??= issue.message;
  }
  return result;
}
