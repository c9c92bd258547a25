import type {
  MutationNameOf,
  OperationNameOf,
  QueryNameOf,
  ResultDataOf,
  VariablesInputOf,
} from "@/lib/indeed/operation";
import { addInterviewee } from "./add-interviewee";
import { addInterviewers } from "./add-interviewers";
import { cancelInterview } from "./cancel-interview";
import { createInterview } from "./create-interview";
import { findInterviews } from "./find-interviews";
import { findReviews } from "./find-reviews";
import { getInterviews } from "./get-interviews";
import { rescheduleInterview } from "./reschedule-interview";
import { setInterviewTimezone } from "./set-interview-timezone";
import { setInterviewTitle } from "./set-interview-title";

/**
 * The interview operations Lobby may send to Indeed: one file each, one line here. The route,
 * the client and the react-query hooks get this list injected (lib/operations.ts); names,
 * kinds and types are derived from it.
 */
export const interviewOperations = [
  createInterview,
  rescheduleInterview,
  addInterviewers,
  addInterviewee,
  setInterviewTitle,
  setInterviewTimezone,
  cancelInterview,
  getInterviews,
  findInterviews,
  findReviews,
] as const;

export type InterviewOperations = typeof interviewOperations;
export type OperationName = OperationNameOf<InterviewOperations>;
export type QueryName = QueryNameOf<InterviewOperations>;
export type MutationName = MutationNameOf<InterviewOperations>;
/** What a caller sends (before the server completes it). */
export type OperationVariables<N extends OperationName> = VariablesInputOf<InterviewOperations, N>;
/** What Indeed answers (`data`). */
export type OperationResult<N extends OperationName> = ResultDataOf<InterviewOperations, N>;
