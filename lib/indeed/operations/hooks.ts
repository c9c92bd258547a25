import "server-only";
import { interviewOperationHooks } from "@/lib/scheduling/interview-operation-hooks";
import type { OperationHooks, OperationName } from "./types";

/**
 * Where the rest of the app plugs into successful operations (lib/scheduling's interview
 * ledger, audit entries, candidate messages). Each entry: an optional `contextSchema` for the
 * route's `context` and an `onSuccess(ctx, variables, data, context)` that runs in one
 * transaction (`ctx.tx`) after Indeed accepted a mutation. Example:
 *
 *   CreateInterview: defineHooks<"CreateInterview", { applicationId: string }>({
 *     contextSchema: z.object({ applicationId: z.string().uuid() }),
 *     onSuccess: (ctx, variables, data, context) => recordCreatedInterview(ctx, data, context),
 *   }),
 */
export function defineHooks<N extends OperationName, C = unknown>(
  hooks: OperationHooks<N, C>,
): OperationHooks<N, C> {
  return hooks;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own context type
export const operationHooks: { [N in OperationName]?: OperationHooks<N, any> } = {
  ...interviewOperationHooks,
};
