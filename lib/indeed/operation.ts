import type { ResultOf, TadaDocumentNode, VariablesOf } from "gql.tada";
import type { z } from "zod";
import type { EmployerSession } from "@/lib/auth/load-session";
import type { Transaction } from "@/lib/db/client";

/**
 * What an Indeed operation is: its name, query or mutation, its typed gql.tada document, the
 * zod schema of what callers may send, and optionally how the server completes the variables,
 * what it checks in the route's `context`, and what the app records after a mutation
 * succeeds. Domains define their operations with `defineOperation` (one file each) and hand
 * the list to the route, the client and the hooks: lib/indeed never imports a domain.
 * Client-safe: forms import operations for their variables schemas, so an operation reaches
 * server code only through `ctx.services`, which the composition root injects.
 */

export type OperationKind = "query" | "mutation";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any document of the schema
type AnyDocument = TadaDocumentNode<any, any>;

/** What `prepare` may use to complete the variables (requestMetadata on a create). */
export interface PrepareEnv {
  session: EmployerSession;
  atsName: string;
  /**
   * Whether to send input the guide does not show but the sandbox's extended schema takes
   * (INDEED_SCHEMA_EXTENSIONS): off, an operation sends only what the guide shows.
   */
  schemaExtensions: boolean;
}

/** What `onSuccess` gets: one database transaction, the session, and the injected services. */
export interface OperationContext<Services = unknown> {
  tx: Transaction;
  session: EmployerSession;
  services: Services;
}

export interface OperationDefinition<
  Name extends string = string,
  Kind extends OperationKind = OperationKind,
  Document extends AnyDocument = AnyDocument,
  Variables extends z.ZodType = z.ZodType,
  Context = unknown,
  Services = unknown,
> {
  readonly name: Name;
  readonly kind: Kind;
  readonly document: Document;
  /** What a caller may send, checked by the route and reused by the forms (ADR 0023). */
  readonly variables: Variables;
  /** Validated variables → the document's variables. */
  readonly prepare: (variables: z.output<Variables>, env: PrepareEnv) => VariablesOf<Document>;
  /** Checks the route's `context` (what the app keeps beside Indeed's data). */
  readonly contextSchema?: z.ZodType<Context>;
  /** Runs in one transaction after Indeed accepted a mutation. */
  readonly onSuccess?: (
    ctx: OperationContext<Services>,
    variables: z.output<Variables>,
    data: ResultOf<Document>,
    context: Context,
  ) => Promise<void>;
  /**
   * Runs in one transaction before a mutation is sent; throws an AppError to refuse it (a
   * create while an earlier one's outcome is still unknown).
   */
  readonly beforeSend?: (
    ctx: OperationContext<Services>,
    variables: z.output<Variables>,
    context: Context,
  ) => Promise<void>;
  /**
   * Runs in one transaction when Indeed may or may not have applied a mutation (no answer in
   * time, a 5xx, INTERNAL_SERVER_ERROR): records what was sent and returns the error to answer.
   */
  readonly onOutcomeUnknown?: (
    ctx: OperationContext<Services>,
    variables: z.output<Variables>,
    /** What `prepare` made of them: what went to Indeed. */
    sent: unknown,
    context: Context,
  ) => Promise<Error>;
}

/** Any operation, whatever its types: the element type of an operation list. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own types
export type AnyOperation = OperationDefinition<string, OperationKind, any, any, any, any>;
export type OperationList = readonly AnyOperation[];

type Spec<
  Name,
  Kind,
  Document extends AnyDocument,
  Variables extends z.ZodType,
  Context,
  Services,
> = Omit<
  OperationDefinition<Name & string, Kind & OperationKind, Document, Variables, Context, Services>,
  "prepare"
>;

/** `prepare` may be left out only when the validated variables already fit the document. */
type PrepareOf<Document extends AnyDocument, Variables extends z.ZodType> =
  z.output<Variables> extends VariablesOf<Document>
    ? { prepare?: OperationDefinition<string, OperationKind, Document, Variables>["prepare"] }
    : { prepare: OperationDefinition<string, OperationKind, Document, Variables>["prepare"] };

/** Defines one operation; without `prepare`, the validated variables are sent as they are. */
export function defineOperation<
  const Name extends string,
  const Kind extends OperationKind,
  Document extends AnyDocument,
  Variables extends z.ZodType,
  Context = undefined,
  Services = unknown,
>(
  spec: Spec<Name, Kind, Document, Variables, Context, Services> & PrepareOf<Document, Variables>,
): OperationDefinition<Name, Kind, Document, Variables, Context, Services> {
  // Without `prepare`, PrepareOf has proved that the validated variables fit the document.
  return { ...spec, prepare: spec.prepare ?? ((variables) => variables as VariablesOf<Document>) };
}

/* ------------------------- Types derived from a list ------------------------- */

export type OperationNameOf<Ops extends OperationList> = Ops[number]["name"];
export type QueryNameOf<Ops extends OperationList> = Extract<
  Ops[number],
  { kind: "query" }
>["name"];
export type MutationNameOf<Ops extends OperationList> = Extract<
  Ops[number],
  { kind: "mutation" }
>["name"];
/** The list's operation named N (any operation, for a list whose names are not literal). */
export type OperationOf<
  Ops extends OperationList,
  N extends string,
> = string extends Ops[number]["name"] ? Ops[number] : Extract<Ops[number], { name: N }>;
/** What a caller sends (before the server completes it). */
export type VariablesInputOf<Ops extends OperationList, N extends string> = z.input<
  OperationOf<Ops, N>["variables"]
>;
/** What Indeed answers (`data`). */
export type ResultDataOf<Ops extends OperationList, N extends string> = ResultOf<
  OperationOf<Ops, N>["document"]
>;
/**
 * What all of a list's `onSuccess` hooks need as `ctx.services` (each hook's part, merged),
 * which the composition root injects.
 */
export type ServicesOf<Ops extends OperationList> = (
  Ops[number] extends infer Op
    ? Op extends {
        onSuccess?: (ctx: OperationContext<infer Services>, ...rest: never[]) => unknown;
      }
      ? (services: Services) => void
      : never
    : never
) extends (services: infer All) => void
  ? All
  : never;

/** The operation of that name in the list, or undefined for any other value. */
export function findOperation(operations: OperationList, name: unknown): AnyOperation | undefined {
  return typeof name === "string" ? operations.find((op) => op.name === name) : undefined;
}
