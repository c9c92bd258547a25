import "server-only";
import type { z } from "zod";
import type { EmployerSession } from "@/lib/auth/session";
import { operationDocuments } from "./documents";
import { operationHooks } from "./hooks";
import type {
  IndeedVariables,
  OperationDocument,
  OperationHooks,
  OperationName,
  ParsedOperationVariables,
} from "./types";
import { operationVariables } from "./variables";

/**
 * The registry: the only operations the route and the client accept. Each entry: its typed
 * document, the zod schema of its variables, query or mutation, how the server completes the
 * variables (requestMetadata on create, so no caller can forget it), and the hooks.
 */
export interface PrepareEnv {
  session: EmployerSession;
  atsName: string;
}

export interface OperationDefinition<N extends OperationName = OperationName>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the context type is the hook's own
  extends OperationHooks<N, any> {
  name: N;
  kind: "query" | "mutation";
  document: OperationDocument<N>;
  variables: z.ZodType<ParsedOperationVariables<N>>;
  prepare: (variables: ParsedOperationVariables<N>, env: PrepareEnv) => IndeedVariables<N>;
}

const KINDS: Record<OperationName, "query" | "mutation"> = {
  CreateInterview: "mutation",
  RescheduleInterview: "mutation",
  AddInterviewers: "mutation",
  AddInterviewee: "mutation",
  SetInterviewTitle: "mutation",
  SetInterviewTimezone: "mutation",
  CancelInterview: "mutation",
  GetInterviews: "query",
  FindInterviews: "query",
};

/** Everything but CreateInterview is sent as validated. The types prove it fits the document. */
const passThrough = {
  RescheduleInterview: (
    v: ParsedOperationVariables<"RescheduleInterview">,
  ): IndeedVariables<"RescheduleInterview"> => v,
  AddInterviewers: (
    v: ParsedOperationVariables<"AddInterviewers">,
  ): IndeedVariables<"AddInterviewers"> => v,
  AddInterviewee: (
    v: ParsedOperationVariables<"AddInterviewee">,
  ): IndeedVariables<"AddInterviewee"> => v,
  SetInterviewTitle: (
    v: ParsedOperationVariables<"SetInterviewTitle">,
  ): IndeedVariables<"SetInterviewTitle"> => v,
  SetInterviewTimezone: (
    v: ParsedOperationVariables<"SetInterviewTimezone">,
  ): IndeedVariables<"SetInterviewTimezone"> => v,
  CancelInterview: (
    v: ParsedOperationVariables<"CancelInterview">,
  ): IndeedVariables<"CancelInterview"> => v,
  GetInterviews: (v: ParsedOperationVariables<"GetInterviews">): IndeedVariables<"GetInterviews"> =>
    v,
  FindInterviews: (
    v: ParsedOperationVariables<"FindInterviews">,
  ): IndeedVariables<"FindInterviews"> => v,
};

function prepareCreate(
  variables: ParsedOperationVariables<"CreateInterview">,
  env: PrepareEnv,
): IndeedVariables<"CreateInterview"> {
  return {
    input: {
      ...variables.input,
      requestMetadata: {
        ...variables.input.requestMetadata,
        atsName: env.atsName,
        employerName: env.session.employer.name,
      },
    },
  };
}

function define<N extends OperationName>(
  name: N,
  prepare: (variables: ParsedOperationVariables<N>, env: PrepareEnv) => IndeedVariables<N>,
): OperationDefinition<N> {
  const hooks = (operationHooks[name] ?? {}) as OperationHooks<N, unknown>;
  return {
    name,
    kind: KINDS[name],
    document: operationDocuments[name],
    variables: operationVariables[name] as unknown as z.ZodType<ParsedOperationVariables<N>>,
    prepare,
    contextSchema: hooks.contextSchema,
    onSuccess: hooks.onSuccess,
  };
}

export const operations: { [N in OperationName]: OperationDefinition<N> } = {
  CreateInterview: define("CreateInterview", prepareCreate),
  RescheduleInterview: define("RescheduleInterview", passThrough.RescheduleInterview),
  AddInterviewers: define("AddInterviewers", passThrough.AddInterviewers),
  AddInterviewee: define("AddInterviewee", passThrough.AddInterviewee),
  SetInterviewTitle: define("SetInterviewTitle", passThrough.SetInterviewTitle),
  SetInterviewTimezone: define("SetInterviewTimezone", passThrough.SetInterviewTimezone),
  CancelInterview: define("CancelInterview", passThrough.CancelInterview),
  GetInterviews: define("GetInterviews", passThrough.GetInterviews),
  FindInterviews: define("FindInterviews", passThrough.FindInterviews),
};

/** The definition of a registered operation, or undefined for any other name. */
export function findOperation(name: unknown): OperationDefinition | undefined {
  if (typeof name !== "string" || !Object.hasOwn(operations, name)) return undefined;
  return operations[name as OperationName] as unknown as OperationDefinition;
}
