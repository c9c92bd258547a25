import { IndeedRouteError, postToLobby } from "./route-error";

/**
 * POSTs one operation to /api/indeed/graphql; throws IndeedRouteError on any failure. Its own
 * module so that a page can call the route without react-query (the create form, ADR 0087).
 */
export async function postOperation(
  name: string,
  variables: unknown,
  context?: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<unknown> {
  const response = await postToLobby(
    "/api/indeed/graphql",
    context === undefined
      ? { operationName: name, variables }
      : { operationName: name, variables, context },
    signal,
  );
  const body = (await response.json().catch(() => null)) as { data?: unknown } | null;
  if (response.ok && body && "data" in body && body.data !== undefined) return body.data;
  throw IndeedRouteError.fromResponse(response.status, body);
}
