/**
 * Turns a database error into something a person can act on. Drizzle wraps driver errors, and
 * PGlite and node-postgres both carry PostgreSQL's SQLSTATE `code` and `constraint` name.
 */
export type ConstraintKind = "unique" | "foreign_key" | "check" | "not_null";

export class ConstraintViolationError extends Error {
  constructor(
    readonly kind: ConstraintKind,
    readonly constraint: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ConstraintViolationError";
  }

  /** What a person may read: the message without the constraint's name (lib/http/to-app-error.ts). */
  get userMessage(): string {
    return MESSAGES[this.kind];
  }
}

const KINDS: Record<string, ConstraintKind> = {
  "23505": "unique",
  "23503": "foreign_key",
  "23514": "check",
  "23502": "not_null",
};

const MESSAGES: Record<ConstraintKind, string> = {
  unique: "That record already exists",
  foreign_key: "That record refers to something that does not exist",
  check: "A value is not in the allowed format",
  not_null: "A required value is missing",
};

interface PgLikeError {
  code?: string;
  constraint?: string;
  column?: string;
  cause?: unknown;
}

function findPgError(error: unknown): PgLikeError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as PgLikeError;
    if (typeof candidate.code === "string" && candidate.code in KINDS) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/** A ConstraintViolationError for constraint failures; undefined for anything else. */
export function asConstraintViolation(error: unknown): ConstraintViolationError | undefined {
  const pg = findPgError(error);
  if (!pg?.code) return undefined;
  const kind = KINDS[pg.code]!;
  const where = pg.constraint ?? pg.column;
  return new ConstraintViolationError(
    kind,
    where,
    where ? `${MESSAGES[kind]} (${where})` : MESSAGES[kind],
    {
      cause: error,
    },
  );
}
