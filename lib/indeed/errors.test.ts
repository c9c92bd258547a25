import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { fieldErrorsFromIssues, mapGraphqlErrors } from "./errors";

const err = (code: string, message = "x", extra: Record<string, unknown> = {}) => ({
  message,
  path: ["createVirtualInterviewEvent"],
  locations: [{ line: 1, column: 1 }],
  extensions: { code, logLevel: "INFO", serviceName: "interviews", ...extra },
});

describe("mapping Indeed's GraphQL errors", () => {
  it("maps BAD_USER_INPUT to 422 with per-field messages keyed by variable path", () => {
    const mapped = mapGraphqlErrors([
      err(
        "BAD_USER_INPUT",
        "endTime must be an ISO-8601 date and time with an offset, e.g. 2030-01-15T14:30:00+00:00.",
      ),
      err("BAD_USER_INPUT", "interviewers[1].email 'nope' is not a valid email address."),
      err(
        "BAD_USER_INPUT",
        "timezone 'Mars/Base' is not an IANA time zone, e.g. America/Los_Angeles.",
      ),
    ]);
    expect(mapped.code).toBe("BAD_USER_INPUT");
    expect(mapped.status).toBe(422);
    expect(mapped.fieldErrors).toEqual({
      "input.endTime": "Enter a valid date and time",
      "input.interviewers[1].email": "Enter a valid email address",
      "input.timezone": "timezone 'Mars/Base' is not an IANA time zone, e.g. America/Los_Angeles.",
    });
  });

  it("rewrites a message with the domain's rule, on the field the rule names", () => {
    const rules = [{ pattern: /duration/, field: "endTime", message: "Keep it short." }];
    expect(
      mapGraphqlErrors(
        [err("BAD_USER_INPUT", "The event duration is greater than 24 hours.")],
        "input",
        rules,
      ).fieldErrors,
    ).toEqual({ "input.endTime": "Keep it short." });
    expect(
      mapGraphqlErrors([err("BAD_USER_INPUT", "The event duration is greater than 24 hours.")])
        .fieldErrors,
    ).toEqual({});
    expect(
      mapGraphqlErrors([err("BAD_USER_INPUT", "Encountered issue parsing cursor '1˙∆'.")])
        .fieldErrors,
    ).toEqual({
      after: "That page no longer exists; start from the first page",
    });
  });

  it("keeps an unrecognised input message as the general message, without control characters", () => {
    const mapped = mapGraphqlErrors([err("BAD_USER_INPUT", "Something odd\u0000 happened")]);
    expect(mapped.message).toBe("Something odd  happened");
    expect(mapped.fieldErrors).toEqual({});
  });

  it("maps FORBIDDEN (also: the event does not exist) to 403 with our own words", () => {
    const mapped = mapGraphqlErrors([
      err("FORBIDDEN", "You do not have access to the virtual interview event 'abc'."),
    ]);
    expect(mapped).toMatchObject({ code: "FORBIDDEN", status: 403 });
    expect(mapped.message).not.toContain("abc");
  });

  it("maps transient and auth codes", () => {
    expect(mapGraphqlErrors([err("INTERNAL_SERVER_ERROR")]).code).toBe("INDEED_UNAVAILABLE");
    expect(mapGraphqlErrors([err("DOWNSTREAM_SERVICE_ERROR")]).status).toBe(503);
    expect(mapGraphqlErrors([err("RATE_LIMITED")]).status).toBe(429);
    expect(mapGraphqlErrors([err("UNAUTHENTICATED")]).code).toBe("RECONNECT_REQUIRED");
  });

  it("hides our own document errors behind INTERNAL_ERROR", () => {
    const mapped = mapGraphqlErrors([
      err("GRAPHQL_VALIDATION_FAILED", 'Cannot query field "secret" on type "Query".'),
    ]);
    expect(mapped).toMatchObject({ code: "INTERNAL_ERROR", status: 500 });
    expect(mapped.message).not.toContain("secret");
  });

  it("serialises to the stable body shape with the request id and nothing else", () => {
    const body = mapGraphqlErrors([err("FORBIDDEN")]).toBody("req-1");
    expect(body).toEqual({
      error: { code: "FORBIDDEN", message: expect.any(String), requestId: "req-1" },
    });
    expect(JSON.stringify(body)).not.toMatch(/extensions|locations|stack|serviceName/);
  });

  it("turns zod issues into field paths", () => {
    expect(
      fieldErrorsFromIssues([
        { path: ["input", "interviewers", 2, "email"], message: "bad email" },
        { path: ["input", "endTime"], message: "first" },
        { path: ["input", "endTime"], message: "second" },
        { path: [], message: "root" },
      ]),
    ).toEqual({ "input.interviewers[2].email": "bad email", "input.endTime": "first", _: "root" });
  });

  it("answers with the app's one error (codes and statuses: lib/http/app-error.test.ts)", () => {
    const mapped = mapGraphqlErrors([err("NOT_FOUND", "No event abc")]);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({
      code: "FORBIDDEN",
      status: 403,
      message:
        "Indeed shows and changes an interview only for its interviewers, and did not let you: ask one of them to add you.",
    });
  });
});
