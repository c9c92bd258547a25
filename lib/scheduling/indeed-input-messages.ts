import type { InputMessageRule } from "@/lib/indeed/errors";
import {
  EVENT_TOO_LONG,
  INTERVIEWEE_IS_FIXED,
  MAX_EVENT_HOURS,
  MAX_INTERVIEWERS,
  PICK_A_TIME_ZONE,
  TOO_MANY_INTERVIEWERS,
} from "./rules";

/**
 * Indeed's input messages about the interview rules, said in the same words as the forms say
 * them (rules.ts), on the field they are about. Patterns match Indeed's lower-cased message.
 */
export const interviewInputMessages: readonly InputMessageRule[] = [
  {
    pattern: new RegExp(`\\b${MAX_EVENT_HOURS} hours\\b|duration`),
    field: "endTime",
    message: EVENT_TOO_LONG,
  },
  {
    pattern: new RegExp(
      `\\b${MAX_INTERVIEWERS}\\b.*interviewer|too many interviewers|interviewers exceed`,
    ),
    field: "interviewers",
    message: TOO_MANY_INTERVIEWERS,
  },
  {
    pattern: /already has an interviewee|interviewee cannot be (changed|replaced)/,
    field: "interviewee",
    message: INTERVIEWEE_IS_FIXED,
  },
  { pattern: /time zone/, message: PICK_A_TIME_ZONE },
];
