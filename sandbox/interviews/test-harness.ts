import type { RunningSandbox } from "../server";
import { CLIENT_ID, control, DANA } from "../testing/harness";

// Helpers for the Interview API's integration tests: real tokens from the OAuth half's mint
// route and a GraphQL caller that keeps status, headers and body. The sandbox itself comes
// from ../testing/harness.

export interface MintOptions {
  user?: string;
  employer?: string | null;
  scope?: string;
  grant_type?: "authorization_code" | "client_credentials";
}

export async function mintToken(
  sandbox: RunningSandbox,
  options: MintOptions = {},
): Promise<string> {
  const response = await fetch(`${sandbox.url}/_sandbox/oauth/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ client_id: CLIENT_ID, user: DANA, ...options }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token)
    throw new Error(`mint failed: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions: { code: string; logLevel?: string };
}

export interface GraphqlAnswer {
  status: number;
  headers: Headers;
  data?: Record<string, unknown> | null;
  errors?: GraphqlError[];
}

export interface CallOptions {
  variables?: Record<string, unknown>;
  operationName?: string;
  headers?: Record<string, string>;
}

/** A GraphQL caller bound to a token; `token: null` sends no Authorization header. */
export function graphqlClient(sandbox: RunningSandbox, token: string | null) {
  return async (query: string, options: CallOptions = {}): Promise<GraphqlAnswer> => {
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "indeed-client-id": CLIENT_ID,
    };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    return rawPost(
      sandbox,
      JSON.stringify({ query, variables: options.variables, operationName: options.operationName }),
      {
        ...headers,
        ...options.headers,
      },
    );
  };
}

export async function rawPost(
  sandbox: RunningSandbox,
  body: string,
  headers: Record<string, string>,
): Promise<GraphqlAnswer> {
  const response = await fetch(`${sandbox.url}/graphql`, { method: "POST", headers, body });
  const parsed = (await response.json()) as Omit<GraphqlAnswer, "status" | "headers">;
  return { status: response.status, headers: response.headers, ...parsed };
}

/** `YYYY-MM-DDTHH:mm:ss+00:00`, `ms` after the sandbox's virtual now (whole minutes). */
export async function inFuture(sandbox: RunningSandbox, ms: number): Promise<string> {
  const clock = await control<{ now: string }>(sandbox, "GET", "/_sandbox/clock");
  const at = Math.floor((Date.parse(clock.body.now) + ms) / 60_000) * 60_000;
  return `${new Date(at).toISOString().slice(0, 19)}+00:00`;
}

export const CREATE_MUTATION = `mutation CreateEvent($input: CreateVirtualInterviewEventInput!) {
  createVirtualInterviewEvent(input: $input) { event { id status title startTime endTime interviewerLobbyUrl
    interviewersConnection { interviewers { id name email } }
    intervieweesConnection { interviewees { name email intervieweeLobbyUrl } } } }
}`;

/** A valid create input starting `hoursAhead` from now; override what a test is about. */
export async function createInput(
  sandbox: RunningSandbox,
  overrides: Record<string, unknown> = {},
  hoursAhead = 24,
) {
  return {
    startTime: await inFuture(sandbox, hoursAhead * 3_600_000),
    endTime: await inFuture(sandbox, (hoursAhead + 1) * 3_600_000),
    title: "Interview with Robin Park",
    timezone: "America/New_York",
    interviewers: [{ email: "ivy@acme-robotics.example" }],
    interviewee: { name: "Robin Park", email: "robin.park@example.net" },
    requestMetadata: { atsName: "Lobby", employerName: "Acme Robotics" },
    ...overrides,
  };
}

/** Reads a value at a path through objects and arrays (undefined when absent). */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function stringAt(value: unknown, ...path: (string | number)[]): string {
  const found = at(value, ...path);
  if (typeof found !== "string")
    throw new Error(`expected a string at ${path.join(".")}, got ${JSON.stringify(found)}`);
  return found;
}
