"use client";

import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query";
import { createContext, createElement, useContext, type ReactNode } from "react";
import type { OperationName, OperationResult, OperationVariables } from "./operations/types";
import { IndeedRouteError } from "./route-error";

export { IndeedRouteError } from "./route-error";
export type { OperationName, OperationResult, OperationVariables } from "./operations/types";

/**
 * Typed react-query hooks over the app's GraphQL route. Results are typed from the operation's
 * gql.tada document (`ResultOf<typeof Document>`); keys are scoped by the active employer so
 * one employer's data is never shown under another's.
 */

type QueryName = "GetInterviews" | "FindInterviews";
type MutationName = Exclude<OperationName, QueryName>;

const EmployerContext = createContext<string | null>(null);

/** Rendered by the app shell with the session's active employer id. */
export function IndeedEmployerProvider({
  employerId,
  children,
}: {
  employerId: string | null;
  children: ReactNode;
}) {
  return createElement(EmployerContext.Provider, { value: employerId }, children);
}

export function useActiveEmployerId(): string | null {
  return useContext(EmployerContext);
}

/** The react-query key of an operation call; invalidate `indeedKeys.all(employerId)` after writes. */
export const indeedKeys = {
  all: (employerId: string | null) => ["indeed", employerId] as const,
  operation: <N extends OperationName>(
    employerId: string | null,
    name: N,
    variables?: OperationVariables<N>,
  ) =>
    variables === undefined
      ? (["indeed", employerId, name] as const)
      : (["indeed", employerId, name, variables] as const),
};

/** POSTs one operation to /api/indeed/graphql; throws IndeedRouteError on any failure. */
export async function callIndeedOperation<N extends OperationName>(
  name: N,
  variables: OperationVariables<N>,
  context?: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<OperationResult<N>> {
  let response: Response;
  try {
    response = await fetch("/api/indeed/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(
        context === undefined
          ? { operationName: name, variables }
          : { operationName: name, variables, context },
      ),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new IndeedRouteError(
      "NETWORK_ERROR",
      "Lobby could not be reached; check your connection",
      0,
    );
  }
  const body = (await response.json().catch(() => null)) as { data?: OperationResult<N> } | null;
  if (response.ok && body && "data" in body && body.data !== undefined) return body.data;
  throw IndeedRouteError.fromResponse(response.status, body);
}

/** A read (GetInterviews, FindInterviews), cached per employer, operation and variables. */
export function useIndeedQuery<N extends QueryName>(
  name: N,
  variables: OperationVariables<N>,
  options: Omit<
    UseQueryOptions<OperationResult<N>, IndeedRouteError, OperationResult<N>, readonly unknown[]>,
    "queryKey" | "queryFn"
  > = {},
) {
  const employerId = useActiveEmployerId();
  return useQuery<OperationResult<N>, IndeedRouteError, OperationResult<N>, readonly unknown[]>({
    queryKey: indeedKeys.operation(employerId, name, variables),
    queryFn: ({ signal }) => callIndeedOperation(name, variables, undefined, signal),
    // The route already retried transient failures within its budget.
    retry: false,
    enabled: employerId !== null && (options.enabled ?? true),
    ...options,
  });
}

export interface IndeedMutationVariables<N extends OperationName> {
  variables: OperationVariables<N>;
  /** Checked by the operation's contextSchema on the server (e.g. the application id). */
  context?: Record<string, unknown>;
}

/** A write; on success every cached Indeed read of the employer is invalidated. */
export function useIndeedMutation<N extends MutationName>(
  name: N,
  options: Omit<
    UseMutationOptions<OperationResult<N>, IndeedRouteError, IndeedMutationVariables<N>>,
    "mutationFn"
  > = {},
) {
  const employerId = useActiveEmployerId();
  const queryClient = useQueryClient();
  return useMutation<OperationResult<N>, IndeedRouteError, IndeedMutationVariables<N>>({
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
