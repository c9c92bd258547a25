import { describe, expect, it, vi } from "vitest";
import { applyRouteError } from "./apply-route-error";

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
});
