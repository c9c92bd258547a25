import type { z } from "zod";
import type { EmployerSession } from "@/lib/auth/session";
import type { Transaction } from "@/lib/db/client";
import type { ResultOf, VariablesOf } from "../graphql";
import type { OperationName, operationDocuments } from "./documents";
import type { operationVariables } from "./variables";

export type { OperationName } from "./documents";

/** The typed document of an operation. */
export type OperationDocument<N extends OperationName> = (typeof operationDocuments)[N];
/** What a caller sends (before the server adds requestMetadata and defaults). */
export type OperationVariables<N extends OperationName> = z.input<(typeof operationVariables)[N]>;
/** The variables after validation, as hooks receive them. */
export type ParsedOperationVariables<N extends OperationName> = z.output<
  (typeof operationVariables)[N]
>;
/** What Indeed answers (`data`). */
export type OperationResult<N extends OperationName> = ResultOf<OperationDocument<N>>;
/** What Indeed's document itself declares as variables. */
export type IndeedVariables<N extends OperationName> = VariablesOf<OperationDocument<N>>;

/** What an operation's `onSuccess` hook gets: one database transaction and the session. */
export interface OperationContext {
  tx: Transaction;
  session: EmployerSession;
}

/**
 * What the app records after a mutation succeeds (the interview ledger, the audit log, the
 * candidate message job): `contextSchema` checks the route's `context` (e.g. the application
 * id the interview is for), `onSuccess` runs in ONE transaction after Indeed said yes.
 */
export interface OperationHooks<N extends OperationName, C = unknown> {
  contextSchema?: z.ZodType<C>;
  onSuccess?: (
    ctx: OperationContext,
    variables: ParsedOperationVariables<N>,
    data: OperationResult<N>,
    context: C,
  ) => Promise<void>;
}
