import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";

/**
 * Lobby's configuration, parsed once from the environment. Every variable has a default that
 * serves the embedded setup (app + Indeed sandbox + PGlite on one machine); a bad value stops
 * the app at start with a message that names it. README.md lists every variable.
 */
const url = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const port = z.coerce
  .number({ error: "must be a port number (1-65535)" })
  .int({ error: "must be a port number (1-65535)" })
  .min(1, "must be a port number (1-65535)")
  .max(65535, "must be a port number (1-65535)");
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000),
  APP_URL: url.optional(),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value : undefined))
    .pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
        .optional(),
    ),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  INDEED_ISSUER: url.default("http://127.0.0.1:4010"),
  INDEED_GRAPHQL_URL: url.optional(),
  INDEED_CLIENT_ID: z.string().min(1).default("lobby-local"),
  INDEED_CLIENT_SECRET: z.string().min(1).default("lobby-local-secret"),
  SANDBOX_PORT: port.default(4010),
  SANDBOX_DATA_DIR: z.string().min(1).default(".data/sandbox"),
  AUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  TOKEN_ENCRYPTION_KEY: optionalText.pipe(
    z
      .string()
      .refine(
        (value) => Buffer.from(value, "base64").length === 32,
        "must be 32 bytes, base64-encoded",
      )
      .optional(),
  ),
  ATS_NAME: z.string().min(1).max(100).default("Lobby"),
  LOCAL_SECRETS_FILE: z.string().min(1).default(".data/local-secrets.json"),
  ALLOW_LOCAL_SANDBOX: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
});

export type Config = ReturnType<typeof parseConfig>;

/** Parses an environment into Lobby's configuration; throws one error naming every bad value. */
export function parseConfig(env: Record<string, string | undefined>) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Lobby's configuration is invalid:\n${problems.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const issuer = e.INDEED_ISSUER.replace(/\/$/, "");
  const usesSandbox = isLoopback(issuer);
  // A production build run on this machine against the sandbox (the e2e suite, a local demo).
  const localProduction = production && e.ALLOW_LOCAL_SANDBOX;

  if (production && usesSandbox && !localProduction) {
    throw new Error(
      "Lobby's configuration is invalid:\n  INDEED_ISSUER: production mode refuses the local Indeed sandbox; set Indeed's issuer",
    );
  }
  if (production && !localProduction && (!e.AUTH_SECRET || !e.TOKEN_ENCRYPTION_KEY)) {
    throw new Error(
      "Lobby's configuration is invalid:\n  AUTH_SECRET and TOKEN_ENCRYPTION_KEY are required in production",
    );
  }
  const local = production && !localProduction ? undefined : localSecrets(e.LOCAL_SECRETS_FILE);

  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    atsName: e.ATS_NAME,
    database: e.DATABASE_URL
      ? ({ kind: "postgres", url: e.DATABASE_URL } as const)
      : ({ kind: "pglite", dataDir: resolve(e.PGLITE_DIR) } as const),
    indeed: {
      issuer,
      graphqlUrl: e.INDEED_GRAPHQL_URL ?? `${issuer}/graphql`,
      clientId: e.INDEED_CLIENT_ID,
      clientSecret: e.INDEED_CLIENT_SECRET,
      usesSandbox,
    },
    sandbox: { port: e.SANDBOX_PORT, dataDir: resolve(e.SANDBOX_DATA_DIR) },
    authSecret: e.AUTH_SECRET ?? local!.authSecret,
    tokenEncryptionKey: Buffer.from(e.TOKEN_ENCRYPTION_KEY ?? local!.tokenEncryptionKey, "base64"),
  };
}

function isLoopback(address: string): boolean {
  const host = new URL(address).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}

/**
 * Outside production, secrets not given are generated once and kept in a git-ignored file,
 * so sessions and stored tokens survive restarts without any setup.
 */
function localSecrets(file: string): { authSecret: string; tokenEncryptionKey: string } {
  const path = resolve(file);
  if (existsSync(path)) {
    const saved = JSON.parse(readFileSync(path, "utf8")) as {
      authSecret: string;
      tokenEncryptionKey: string;
    };
    if (saved.authSecret && saved.tokenEncryptionKey) return saved;
  }
  const fresh = {
    authSecret: randomBytes(32).toString("base64url"),
    tokenEncryptionKey: randomBytes(32).toString("base64"),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  return fresh;
}

let cached: Config | undefined;

/** The process's configuration, parsed on first use. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
