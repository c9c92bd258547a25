import "server-only";
import type { EmployerSession } from "@/lib/auth/load-session";
import { tokenService } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { createIndeedClient, type ExecuteOptions } from "@/lib/indeed/client";
import {
  interviewOperations,
  type OperationName,
  type OperationResult,
  type OperationVariables,
} from "@/lib/scheduling/operations";
import { interviewInputMessages } from "@/lib/scheduling/indeed-input-messages";
import { interviewLedger } from "@/lib/scheduling/record-interview-change";
import { createFollowGate, eventsOfRead, followIndeed } from "@/lib/scheduling/reconcile-ledger";

/**
 * Where the app's operations meet the Indeed transport: lib/indeed knows no domain, so the
 * operation list and the services its `onSuccess` hooks use are passed from here to the
 * process's client (and, by app/api/indeed/graphql/route.ts, to the route handler).
 */

/** Every operation the route and the client accept. */
export const operations = interviewOperations;
/** What the operations' `onSuccess` hooks get as `ctx.services`. */
export const services = { ledger: interviewLedger };

/**
 * A page read again within this window with nothing changed at Indeed is not compared with the
 * ledger again; ten seconds bounds how late a change reverted to an earlier shape is seen.
 */
const FOLLOW_WINDOW_MS = 10_000;

function createProcessClient() {
  const settings = config();
  const followGate = createFollowGate({ windowMs: FOLLOW_WINDOW_MS, maxEntries: 50_000 });
  return createIndeedClient({
    operations,
    services,
    inputMessages: interviewInputMessages,
    tokens: tokenService(),
    db: db(),
    graphqlUrl: settings.indeed.graphqlUrl,
    clientId: settings.indeed.clientId,
    atsName: settings.atsName,
    schemaExtensions: settings.indeed.schemaExtensions,
    // The ledger follows what Indeed shows (issue 13), after the answer has gone out.
    onRead: async (session, _name, data, sentAt) => {
      const employerId = session.employer.id;
      const events = followGate.claim(employerId, eventsOfRead(data));
      if (events.length === 0) return;
      try {
        await followIndeed(db(), employerId, events, sentAt);
      } catch (error) {
        followGate.release(employerId, events);
        throw error;
      }
    },
  });
}

const globalKey = Symbol.for("lobby.indeedClient");
type WithClient = typeof globalThis & { [globalKey]?: ReturnType<typeof createProcessClient> };

/** The process's Indeed client. */
export function indeedClient() {
  const holder = globalThis as WithClient;
  holder[globalKey] ??= createProcessClient();
  return holder[globalKey];
}

/**
 * Runs an operation for the signed-in employer (server components, actions, route handlers).
 * Throws AppError (`code`, `status`, `fieldErrors`) on failure.
 */
export function executeOperation<N extends OperationName>(
  session: EmployerSession,
  name: N,
  variables: OperationVariables<N>,
  context?: unknown,
  options?: ExecuteOptions,
): Promise<OperationResult<N>> {
  return indeedClient().execute(session, name, variables, context, options);
}
