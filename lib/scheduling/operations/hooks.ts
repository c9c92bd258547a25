"use client";

import { createIndeedHooks } from "@/lib/indeed/hooks";
import type { InterviewOperations } from "./index";

/** The route caller and react-query hooks, typed by the interview operations. */
export const { callIndeedOperation, useIndeedQuery, useIndeedMutation } =
  createIndeedHooks<InterviewOperations>();
