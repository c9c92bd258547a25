"use client";

import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query";
import type {
  MutationNameOf,
  OperationList,
  OperationNameOf,
  QueryNameOf,
  ResultDataOf,
  VariablesInputOf,
} from "./operation";
import { useActiveEmployerId } from "./employer-context";
import { postOperation } from "./post-operation";
import { indeedKeys } from "./query-keys";
import type { IndeedRouteError } from "./route-error";

export { IndeedRouteError } from "./route-error";

/**
 * Typed react-query hooks over the app's GraphQL route. `createIndeedHooks<typeof list>()`
 * types them from an operation list: names, variables and results (from each gql.tada
 * document); keys are scoped by the active employer so one employer's data is never shown
 * under another's.
 */

export { IndeedEmployerProvider, useActiveEmployerId } from "./employer-context";

/** The react-query key of an operation call; invalidate `indeedKeys.all(employerId)` after writes. */
export { indeedKeys };

export interface IndeedMutationVariables<Variables> {
  variables: Variables;
  /** Checked by the operation's contextSchema on the server (e.g. the application id). */
  context?: Record<string, unknown>;
}

/** The route caller and react-query hooks, typed by the operation list `Ops`. */
export function createIndeedHooks<Ops extends OperationList>() {
  type Variables<N extends OperationNameOf<Ops>> = VariablesInputOf<Ops, N>;
  type Result<N extends OperationNameOf<Ops>> = ResultDataOf<Ops, N>;
  type MutationVariables<N extends OperationNameOf<Ops>> = IndeedMutationVariables<Variables<N>>;

  /** POSTs one operation to /api/indeed/graphql; throws IndeedRouteError on any failure. */
  function callIndeedOperation<N extends OperationNameOf<Ops>>(
    name: N,
    variables: Variables<N>,
    context?: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<Result<N>> {
    return postOperation(name, variables, context, signal) as Promise<Result<N>>;
  }

  /** A read (GetInterviews, FindInterviews), cached per employer, operation and variables. */
  function useIndeedQuery<N extends QueryNameOf<Ops>>(
    name: N,
    variables: Variables<N>,
    options: Omit<
      UseQueryOptions<Result<N>, IndeedRouteError, Result<N>, readonly unknown[]>,
      "queryKey" | "queryFn"
    > = {},
  ) {
    const employerId = useActiveEmployerId();
    return useQuery<Result<N>, IndeedRouteError, Result<N>, readonly unknown[]>({
      queryKey: indeedKeys.operation(employerId, name, variables),
      queryFn: ({ signal }) => callIndeedOperation(name, variables, undefined, signal),
      // The route already retried transient failures within its budget.
      retry: false,
      enabled: employerId !== null && (options.enabled ?? true),
      ...options,
    });
  }

  /** A write; on success every cached Indeed read of the employer is invalidated. */
  function useIndeedMutation<N extends MutationNameOf<Ops>>(
    name: N,
    options: Omit<
      UseMutationOptions<Result<N>, IndeedRouteError, MutationVariables<N>>,
      "mutationFn"
    > = {},
  ) {
    const employerId = useActiveEmployerId();
    const queryClient = useQueryClient();
    return useMutation<Result<N>, IndeedRouteError, MutationVariables<N>>({
      mutationKey: indeedKeys.operation(employerId, name),
      mutationFn: ({ variables, context }) => callIndeedOperation(name, variables, context),
      retry: false,
      ...options,
      onSuccess: async (data, variables, onMutateResult, context) => {
        await queryClient.invalidateQueries({ queryKey: indeedKeys.all(employerId) });
        await options.onSuccess?.(data, variables, onMutateResult, context);
      },
    });
  }

  return { callIndeedOperation, useIndeedQuery, useIndeedMutation };
}
