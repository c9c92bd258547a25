import { describe, expect, it } from "vitest";
import { AppError } from "./app-error";
import { readError, readErrorBody } from "./error-body";

describe("reading the error shape in the browser", () => {
  it("reads what the server writes", () => {
    const body = new AppError("BAD_USER_INPUT", "Check", {
      fieldErrors: { "input.title": "Enter a title" },
    }).toBody("r-1");
    expect(readErrorBody(JSON.parse(JSON.stringify(body)))).toEqual({
      code: "BAD_USER_INPUT",
      message: "Check",
      fieldErrors: { "input.title": "Enter a title" },
      requestId: "r-1",
    });
  });

  it("turns anything else into a known code and plain strings", () => {
    expect(readErrorBody(null)).toEqual({
      code: "INDEED_UNAVAILABLE",
      message: "Something went wrong; try again",
      fieldErrors: {},
    });
    expect(readErrorBody({ error: { code: "SOMETHING_NEW", message: 42 } })).toMatchObject({
      code: "INDEED_UNAVAILABLE",
      message: "Something went wrong; try again",
    });
    expect(
      readErrorBody({ error: { code: "FORBIDDEN", fieldErrors: { a: "x", b: { html: 1 } } } }),
    ).toEqual({
      code: "FORBIDDEN",
      message: "You do not have access to this",
      fieldErrors: { a: "x" },
    });
  });

  it("reads an error the hooks threw the same way", () => {
    expect(readError({ code: "RATE_LIMITED", message: "Wait" })).toMatchObject({
      code: "RATE_LIMITED",
      message: "Wait",
      fieldErrors: {},
    });
  });
});
