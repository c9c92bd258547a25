import { describe, expect, it } from "vitest";
import { AppError, defaultMessage, ERROR_CODES, isErrorCode, type ErrorCode } from "./app-error";

describe("AppError", () => {
  it.each([
    ["INVALID_REQUEST", 400, "The request is not valid"],
    ["UNKNOWN_OPERATION", 400, "Unknown operation"],
    ["NOT_SIGNED_IN", 401, "Sign in with Indeed to continue"],
    ["FORBIDDEN", 403, "You do not have access to this"],
    ["METHOD_NOT_ALLOWED", 405, "This address does not take that method"],
    ["RECONNECT_REQUIRED", 409, "Reconnect to Indeed to continue"],
    [
      "OUTCOME_UNKNOWN",
      409,
      "Indeed may have made this change; Lobby is checking with Indeed before it can be tried again",
    ],
    ["PAYLOAD_TOO_LARGE", 413, "The request is too large"],
    ["UNSUPPORTED_MEDIA_TYPE", 415, "Send JSON (Content-Type: application/json)"],
    ["BAD_USER_INPUT", 422, "Some values were not accepted; check the highlighted fields"],
    ["RATE_LIMITED", 429, "Indeed is receiving too many requests; try again in a minute"],
    ["INTERNAL_ERROR", 500, "Something went wrong; try again"],
    [
      "DATABASE_UNAVAILABLE",
      503,
      "Lobby cannot reach its database right now; try again in a moment",
    ],
    ["INDEED_UNAVAILABLE", 503, "Indeed is unavailable right now; try again in a moment"],
  ] as const)("%s answers %i with its default message", (code, status, message) => {
    const error = new AppError(code);
    expect(error).toMatchObject({ code, status, message });
    expect(defaultMessage(code)).toBe(message);
  });

  it("is recognised across copies of the module (Next's bundles), and subclasses stay exact", async () => {
    const { vi } = await import("vitest");
    vi.resetModules();
    const other = await import("./app-error");
    expect(other.AppError).not.toBe(AppError);
    const foreign = new other.AppError("OUTCOME_UNKNOWN");
    expect(foreign instanceof AppError).toBe(true);
    expect(new Error("plain") instanceof AppError).toBe(false);
    expect({ code: "FORBIDDEN" } instanceof AppError).toBe(false);
    class Narrower extends AppError {}
    expect(new Narrower("FORBIDDEN") instanceof AppError).toBe(true);
    expect(new AppError("FORBIDDEN") instanceof Narrower).toBe(false);
  });

  it("has exactly the codes of docs/errors.md, no more", () => {
    expect(Object.keys(ERROR_CODES).sort()).toEqual([
      "BAD_USER_INPUT",
      "DATABASE_UNAVAILABLE",
      "FORBIDDEN",
      "INDEED_UNAVAILABLE",
      "INTERNAL_ERROR",
      "INVALID_REQUEST",
      "METHOD_NOT_ALLOWED",
      "NOT_SIGNED_IN",
      "OUTCOME_UNKNOWN",
      "PAYLOAD_TOO_LARGE",
      "RATE_LIMITED",
      "RECONNECT_REQUIRED",
      "UNKNOWN_OPERATION",
      "UNSUPPORTED_MEDIA_TYPE",
    ] satisfies ErrorCode[]);
  });

  it("writes the one body shape, with field errors only when there are some", () => {
    expect(new AppError("FORBIDDEN", "No").toBody("r-1")).toEqual({
      error: { code: "FORBIDDEN", message: "No", requestId: "r-1" },
    });
    expect(new AppError("BAD_USER_INPUT", undefined, { fieldErrors: {} }).toBody("r")).toEqual({
      error: { code: "BAD_USER_INPUT", message: defaultMessage("BAD_USER_INPUT"), requestId: "r" },
    });
    const withFields = new AppError("BAD_USER_INPUT", "Check", {
      fieldErrors: { "input.title": "Enter a title" },
    });
    expect(withFields.toBody("r").error.fieldErrors).toEqual({ "input.title": "Enter a title" });
  });

  it("keeps a retry delay and lets Indeed's timeout say 504", () => {
    expect(
      new AppError("RATE_LIMITED", undefined, { retryAfterSeconds: 7 }).retryAfterSeconds,
    ).toBe(7);
    expect(new AppError("INDEED_UNAVAILABLE", undefined, { status: 504 }).status).toBe(504);
  });

  it("knows its codes and nothing else", () => {
    expect(isErrorCode("RATE_LIMITED")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode("NETWORK_ERROR")).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});
