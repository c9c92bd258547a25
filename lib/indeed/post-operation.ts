import { IndeedRouteError } from "./route-error";

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
  const body = (await response.json().catch(() => null)) as { data?: unknown } | null;
  if (response.ok && body && "data" in body && body.data !== undefined) return body.data;
  throw IndeedRouteError.fromResponse(response.status, body);
}
