import { describe, expect, it } from "vitest";
import { mapGraphqlErrors } from "@/lib/indeed/errors";
import { interviewInputMessages } from "./indeed-input-messages";
import {
  EVENT_TOO_LONG,
  INTERVIEWEE_IS_FIXED,
  PICK_A_TIME_ZONE,
  TOO_MANY_INTERVIEWERS,
} from "./rules";

const badInput = (message: string) => [{ message, extensions: { code: "BAD_USER_INPUT" } }];
const fieldErrorsOf = (message: string) =>
  mapGraphqlErrors(badInput(message), "input", interviewInputMessages).fieldErrors;

describe("Indeed's input messages in the interview rules' words", () => {
  it.each([
    ["The event duration is greater than 24 hours.", "input.endTime", EVENT_TOO_LONG],
    [
      "An event cannot have more than 49 interviewers.",
      "input.interviewers",
      TOO_MANY_INTERVIEWERS,
    ],
    ["This event already has an interviewee.", "input.interviewee", INTERVIEWEE_IS_FIXED],
    [
      "timezone 'Mars/Base' is not an IANA time zone, e.g. America/Los_Angeles.",
      "input.timezone",
      PICK_A_TIME_ZONE,
    ],
  ])("%j → %s", (indeedSays, field, ours) => {
    expect(fieldErrorsOf(indeedSays)).toEqual({ [field]: ours });
  });

  it("leaves a number that only looks like the limit alone", () => {
    expect(fieldErrorsOf("startTime '2049-01-01T10:00' is not a valid date and time.")).toEqual({
      "input.startTime": "Enter a valid date and time",
    });
  });
});
