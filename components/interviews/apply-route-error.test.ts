import { describe, expect, it, vi } from "vitest";
import { IndeedRouteError } from "@/lib/indeed/route-error";
import { applyRouteError, isOutcomeUnknown } from "./apply-route-error";

describe("applyRouteError", () => {
  it("shows a rate limit as the form's error, with the wait, and says the entries are kept", () => {
    const setError = vi.fn();
    applyRouteError(
      {
        code: "RATE_LIMITED",
        message: "Too many requests in a short time; wait 42 seconds, then try again",
      },
      setError,
      () => undefined,
    );
    expect(setError).toHaveBeenCalledWith("root", {
      type: "server",
      message:
        "Too many requests in a short time; wait 42 seconds, then try again. Your entries are still here.",
    });
  });

  it("shows any other error's message as it is", () => {
    const setError = vi.fn();
    applyRouteError(
      { code: "INDEED_UNAVAILABLE", message: "Indeed is down" },
      setError,
      () => undefined,
    );
    expect(setError).toHaveBeenCalledWith("root", { type: "server", message: "Indeed is down" });
  });

  it("puts each field error at its field, read from the error the hooks threw", () => {
    const setError = vi.fn();
    const thrown = IndeedRouteError.fromResponse(422, {
      error: {
        code: "BAD_USER_INPUT",
        message: "Check",
        fieldErrors: { "input.endTime": "An interview lasts at most 24 hours", "input.x": "?" },
        requestId: "r",
      },
    });
    applyRouteError(thrown, setError, (path) => (path === "input.endTime" ? "end" : undefined));
    expect(setError).toHaveBeenCalledTimes(1);
    expect(setError).toHaveBeenCalledWith(
      "end",
      { type: "server", message: "An interview lasts at most 24 hours" },
      { shouldFocus: true },
    );
  });

  it("shows a response that was not in the error shape as a generic failure", () => {
    const setError = vi.fn();
    applyRouteError(IndeedRouteError.fromResponse(502, null), setError, () => undefined);
    expect(setError).toHaveBeenCalledWith("root", {
      type: "server",
      message: "Something went wrong; try again",
    });
  });
});

describe("isOutcomeUnknown", () => {
  it("tells an outcome Indeed left unknown from a plain failure", () => {
    expect(isOutcomeUnknown(new IndeedRouteError("OUTCOME_UNKNOWN", "Checking", 409))).toBe(true);
    expect(isOutcomeUnknown(new IndeedRouteError("INDEED_UNAVAILABLE", "Down", 503))).toBe(false);
    expect(isOutcomeUnknown(new Error("boom"))).toBe(false);
  });
});
