// Test helpers: sign a sandbox person in without the browser, and read the sandbox's journal.
// Used by integration tests only (they may import the sandbox; app code never does).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { decodeJwt } from "jose";
import type { IDToken } from "openid-client";
import { z } from "zod";
import type { Database, DatabaseHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";
import { indeedConnections } from "@/lib/db/schema";
import { createIndeedClient, type IndeedClient, type IndeedClientDeps } from "@/lib/indeed/client";
import { handleGraphqlRequest } from "@/lib/indeed/route-handler";
import type { AnyOperation, OperationList } from "@/lib/indeed/operation";
import { operations, services } from "@/lib/operations";
import { completeSignIn } from "./complete-sign-in";
import {
  identityFromClaims,
  type IndeedOAuthSettings,
  type IndeedTokenResponse,
} from "./indeed-oauth";
import { loadEmployerSession, type EmployerSession } from "./load-session";
import { createTokenService, type TokenService } from "./tokens";

export function sandboxSettings(issuer: string): IndeedOAuthSettings {
  return { issuer, clientId: "lobby-local", clientSecret: "lobby-local-secret", sandbox: true };
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().positive().optional(),
  scope: z.string().optional(),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().min(1).optional(),
});

/**
 * GET without a body; with one, a POST as JSON (the sandbox refuses any other control write).
 * `Connection: close`: the sandbox runs in this process, and a test's database work can block
 * the event loop past its keep-alive timeout; a pooled socket it then closes would fail the
 * app's next request to Indeed with ECONNRESET.
 */
async function control(url: string, path: string, body?: unknown) {
  const method = body === undefined ? "GET" : "POST";
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      connection: "close",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return response.json() as Promise<unknown>;
}

export async function mintTokens(
  sandboxUrl: string,
  options: { user: string; employer?: string | null; scope?: string; nonce?: string },
): Promise<IndeedTokenResponse> {
  return tokenResponseSchema.parse(await control(sandboxUrl, "/_sandbox/oauth/tokens", options));
}

export interface SignedIn {
  session: EmployerSession;
  tokens: IndeedTokenResponse;
  sessionId: string;
}

/**
 * Mints tokens at the sandbox and records the sign-in as the callback does, reading the person
 * from the minted ID token (the callback's own checks are sign-in.int.test.ts's subject).
 */
export async function signInAs(
  deps: { db: Database; tokens: TokenService; sandboxUrl: string },
  options: { user: string; employer: string },
): Promise<SignedIn> {
  const tokens = await mintTokens(deps.sandboxUrl, options);
  const identity = identityFromClaims(decodeJwt(tokens.id_token!) as IDToken);
  const result = await completeSignIn(
    { identity, tokens, employerId: options.employer },
    { db: deps.db, tokens: deps.tokens },
  );
  const session = await loadEmployerSession(
    { userId: result.userId, sessionId: result.sessionId, connectionId: result.connectionId },
    deps.db,
  );
  if (!session) throw new Error("the session did not load");
  return { session, tokens, sessionId: result.sessionId };
}

export async function refreshCount(sandboxUrl: string): Promise<number> {
  const { entries } = (await control(
    sandboxUrl,
    "/_sandbox/journal?kind=oauth.token&grant_type=refresh_token&limit=10000",
  )) as {
    entries: unknown[];
  };
  return entries.length;
}

export async function journal(
  sandboxUrl: string,
  query: string,
): Promise<Record<string, unknown>[]> {
  return (
    (await control(sandboxUrl, `/_sandbox/journal?${query}`)) as {
      entries: Record<string, unknown>[];
    }
  ).entries;
}

export async function advanceClock(
  sandboxUrl: string,
  body: Record<string, number>,
): Promise<void> {
  await control(sandboxUrl, "/_sandbox/clock/advance", body);
}

export async function armTokenFault(
  sandboxUrl: string,
  fault: Record<string, unknown>,
): Promise<void> {
  await control(sandboxUrl, "/_sandbox/faults/token", fault);
}

export async function clearTokenFault(sandboxUrl: string): Promise<void> {
  await control(sandboxUrl, "/_sandbox/faults/token/clear", {});
}

export async function grantsOf(sandboxUrl: string, user: string) {
  return (
    (await control(
      sandboxUrl,
      `/_sandbox/oauth/grants?user=${encodeURIComponent(user)}&client_id=lobby-local`,
    )) as {
      grants: { id: string; revokedAt: string | null }[];
    }
  ).grants;
}

/** Makes the stored access token look expired to the app (the app's clock, not the sandbox's). */
export async function expireAccessToken(db: Database, connectionId: string): Promise<void> {
  await db
    .update(indeedConnections)
    .set({ accessTokenExpiresAt: new Date(Date.now() - 1000) })
    .where(eq(indeedConnections.id, connectionId));
}

export async function connectionRow(db: Database, connectionId: string) {
  const [row] = await db
    .select()
    .from(indeedConnections)
    .where(eq(indeedConnections.id, connectionId));
  return row;
}

export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
}

export interface TokenTestbed {
  /** The running sandbox (a new one after `startSandboxAgain`). */
  sandbox: RunningSandbox;
  handle: DatabaseHandle;
  key: Buffer;
  tokens: TokenService;
  /** A request to the sandbox's control API (`/_sandbox/...`); POST when given a body. */
  control<Answer = unknown>(path: string, body?: unknown): Promise<Answer>;
  /** Starts the sandbox again on its port and data dir, after a test closed it. */
  startSandboxAgain(): Promise<RunningSandbox>;
  close(): Promise<void>;
}

export interface TokenTestbedOptions {
  /**
   * Keep the sandbox's state file instead of an ephemeral state, so a sandbox started again
   * knows the grants and signing keys (default false).
   */
  persistent?: boolean;
}

/** A sandbox on a free port, a fresh test database and a quiet token service between them. */
export async function startTokenTestbed(options: TokenTestbedOptions = {}): Promise<TokenTestbed> {
  const dataDir = mkdtempSync(join(tmpdir(), "lobby-testbed-"));
  const ephemeral = !options.persistent;
  const sandbox = await startSandbox({ port: 0, dataDir, ephemeral });
  const port = Number(new URL(sandbox.url).port);
  const handle = await createTestDatabase();
  const key = randomBytes(32);
  const tokens = createTokenService({
    db: handle.db,
    key,
    oauth: sandboxSettings(sandbox.url),
    log: () => undefined,
  });
  const bed: TokenTestbed = {
    sandbox,
    handle,
    key,
    tokens,
    control: <Answer>(path: string, body?: unknown) =>
      control(bed.sandbox.url, path, body) as Promise<Answer>,
    async startSandboxAgain() {
      bed.sandbox = await startSandbox({ port, dataDir, ephemeral });
      return bed.sandbox;
    },
    async close() {
      await bed.sandbox.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return bed;
}

/**
 * Every operation hook that writes Lobby's database, each set to undefined. `satisfies` lists
 * every optional key of an operation: a hook added to OperationDefinition fails to compile here
 * until it is considered.
 */
const LEDGER_HOOKS_OFF = {
  contextSchema: undefined,
  beforeSend: undefined,
  onSuccess: undefined,
  onOutcomeUnknown: undefined,
} as const satisfies Record<
  Exclude<keyof AnyOperation, "name" | "kind" | "document" | "variables" | "prepare">,
  undefined
>;

/** The same operations without the hooks that write Lobby's database: a client that is not Lobby. */
export function withoutLedgerHooks<const Ops extends OperationList>(operations: Ops): Ops {
  // Same names, documents and variables: only optional hooks differ, so the list keeps its type.
  return operations.map((operation) => ({ ...operation, ...LEDGER_HOOKS_OFF })) as unknown as Ops;
}

type AppOperations = typeof operations;
type ClientOverrides = Pick<
  IndeedClientDeps<AppOperations>,
  "inputMessages" | "schemaExtensions" | "sleep" | "timeoutMs" | "defer"
>;

/**
 * `hooks` (default true): the app's operations with their ledger hooks and `onRead` if given;
 * false: none of them, as a client that is not Lobby sends (no `onRead` either).
 */
export type IndeedClientOptions = ClientOverrides &
  (
    | { hooks?: true; onRead?: IndeedClientDeps<AppOperations>["onRead"] }
    | { hooks: false; onRead?: never }
  );

export interface IndeedTestbed extends TokenTestbed {
  client: IndeedClient<AppOperations>;
  /** Another client on the same sandbox, database and tokens. */
  createClient(options?: IndeedClientOptions): IndeedClient<AppOperations>;
  /** Signs a sandbox person in for an employer, as the OAuth callback would. */
  signIn(user: string, employer: string): Promise<SignedIn>;
  /**
   * One operation through Lobby's GraphQL route (all its checks, no Next), as `session`, from
   * the app's own origin; with the bed's client unless another is given.
   */
  postGraphql(
    session: EmployerSession,
    body: { operationName: string; variables?: unknown; context?: unknown },
    options?: { client?: IndeedClient<AppOperations>; operations?: OperationList },
  ): Promise<Response>;
}

/** The origin the route-level tests post from (the route checks it against `appUrl`). */
export const TEST_APP_URL = "http://localhost:3000";

/** The token test bed plus a quiet Indeed client of the app's operations, talking to its sandbox. */
export async function startIndeedTestbed(
  options: TokenTestbedOptions & IndeedClientOptions = {},
): Promise<IndeedTestbed> {
  const { persistent, ...clientOptions } = options;
  const bed = await startTokenTestbed({ persistent });
  const createClient = ({ hooks = true, onRead, ...overrides }: IndeedClientOptions = {}) =>
    createIndeedClient({
      operations: hooks ? operations : withoutLedgerHooks(operations),
      services,
      tokens: bed.tokens,
      db: bed.handle.db,
      graphqlUrl: `${bed.sandbox.url}/graphql`,
      clientId: "lobby-local",
      atsName: "Lobby",
      log: () => undefined,
      onRead: hooks ? onRead : undefined,
      ...overrides,
    });
  const client = createClient(clientOptions);
  return Object.assign(bed, {
    client,
    createClient,
    postGraphql: (
      session: EmployerSession,
      body: { operationName: string; variables?: unknown; context?: unknown },
      via: { client?: IndeedClient<AppOperations>; operations?: OperationList } = {},
    ) =>
      handleGraphqlRequest(
        new Request(`${TEST_APP_URL}/api/indeed/graphql`, {
          method: "POST",
          headers: { origin: TEST_APP_URL, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        {
          appUrl: TEST_APP_URL,
          getSession: async () => session,
          client: via.client ?? client,
          operations: via.operations ?? operations,
          log: () => undefined,
        },
      ),
    signIn: (user: string, employer: string) =>
      signInAs(
        { db: bed.handle.db, tokens: bed.tokens, sandboxUrl: bed.sandbox.url },
        { user, employer },
      ),
  });
}
