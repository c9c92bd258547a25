import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import {
  SINGLE_TOKEN_KEY_ID,
  TOKEN_KEY_ID_PATTERN,
  type TokenKey,
  type TokenKeyring,
} from "./auth/token-crypto";

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
/** `Name <address>` or a bare address: where Lobby's mail comes from (MAIL_FROM). */
const mailbox = z.string().transform((value, ctx) => {
  const match = /^\s*(?:"?([^"<]*?)"?\s*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(value);
  const address = match?.[2] ?? match?.[3];
  if (!address || !z.email().safeParse(address).success) {
    ctx.addIssue({ code: "custom", message: "must be an address, or a name and <address>" });
    return z.NEVER;
  }
  return { name: match?.[1]?.trim() || undefined, address };
});
const DEFAULT_MAIL_FROM = { name: "Lobby", address: "interviews@lobby.invalid" };
/** The client the sandbox seeds: fine locally, a published credential anywhere else. */
const REPOSITORY_CLIENT_ID = "lobby-local";
const REPOSITORY_CLIENT_SECRET = "lobby-local-secret";

const isTokenKey = (value: string) => Buffer.from(value, "base64").length === 32;

/** `kid:base64key,kid:base64key`: the current key first, then older keys that still decrypt. */
const tokenKeyList = z.string().transform((value, ctx): TokenKeyring => {
  const keys: TokenKey[] = [];
  for (const entry of value.split(",").map((part) => part.trim())) {
    const separator = entry.indexOf(":");
    const id = entry.slice(0, separator);
    const key = entry.slice(separator + 1);
    if (separator < 1 || !TOKEN_KEY_ID_PATTERN.test(id) || !isTokenKey(key)) {
      ctx.addIssue({
        code: "custom",
        message:
          "must be a comma-separated list of id:key, each id 1-32 of A-Z a-z 0-9 _ - and each key 32 bytes, base64-encoded",
      });
      return z.NEVER;
    }
    if (keys.some((k) => k.id === id)) {
      ctx.addIssue({ code: "custom", message: `names the key id "${id}" twice` });
      return z.NEVER;
    }
    keys.push({ id, key: Buffer.from(key, "base64") });
  }
  const [current, ...older] = keys;
  return [current!, ...older];
});

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
  INDEED_CLIENT_ID: z.string().min(1).default(REPOSITORY_CLIENT_ID),
  INDEED_CLIENT_SECRET: z.string().min(1).default(REPOSITORY_CLIENT_SECRET),
  SANDBOX_PORT: port.default(4010),
  SANDBOX_DATA_DIR: z.string().min(1).default(".data/sandbox"),
  AUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  TOKEN_ENCRYPTION_KEY: optionalText.pipe(
    z.string().refine(isTokenKey, "must be 32 bytes, base64-encoded").optional(),
  ),
  TOKEN_ENCRYPTION_KEYS: optionalText.pipe(tokenKeyList.optional()),
  ATS_NAME: z.string().min(1).max(100).default("Lobby"),
  LOCAL_SECRETS_FILE: z.string().min(1).default(".data/local-secrets.json"),
  INDEED_SCHEMA_EXTENSIONS: z
    .enum(["on", "off", ""], { error: "must be on or off" })
    .optional()
    .transform((value) => (value ? value === "on" : undefined)),
  ALLOW_LOCAL_SANDBOX: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce
    .number({ error: "must be a whole number of requests (1 or more)" })
    .int({ error: "must be a whole number of requests (1 or more)" })
    .min(1, "must be a whole number of requests (1 or more)")
    .default(60),
  RATE_LIMIT_GRAPHQL_PER_MINUTE: z.coerce
    .number({ error: "must be a whole number of points (5 or more)" })
    .int({ error: "must be a whole number of points (5 or more)" })
    .min(5, "must be a whole number of points (5 or more)")
    .default(200),
  TRUSTED_PROXY_COUNT: z.coerce
    .number({ error: "must be a whole number of proxies (0-10)" })
    .int({ error: "must be a whole number of proxies (0-10)" })
    .min(0, "must be a whole number of proxies (0-10)")
    .max(10, "must be a whole number of proxies (0-10)")
    .default(0),
  INDEED_GRAPHQL_ALLOWED_HOST: optionalText.pipe(
    z
      .string()
      .regex(
        /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i,
        "must be a host name, like graphql-egress.example.com",
      )
      .transform((value) => value.toLowerCase())
      .optional(),
  ),
  SESSION_IDLE_HOURS: z.coerce
    .number({ error: "must be a whole number of hours (1-720)" })
    .int({ error: "must be a whole number of hours (1-720)" })
    .min(1, "must be a whole number of hours (1-720)")
    .max(720, "must be a whole number of hours (1-720)")
    .default(12),
  SMTP_URL: optionalText.pipe(
    z
      .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })
      .default("smtp://127.0.0.1:2525"),
  ),
  MAIL_FROM: optionalText.pipe(mailbox.optional()),
  MAIL_RETRY_LIMIT: z.coerce
    .number({ error: "must be a whole number of retries (0-20)" })
    .int({ error: "must be a whole number of retries (0-20)" })
    .min(0, "must be a whole number of retries (0-20)")
    .max(20, "must be a whole number of retries (0-20)")
    .default(8),
  MAIL_RETRY_DELAY_SECONDS: z.coerce
    .number({ error: "must be a whole number of seconds (1-3600)" })
    .int({ error: "must be a whole number of seconds (1-3600)" })
    .min(1, "must be a whole number of seconds (1-3600)")
    .max(3600, "must be a whole number of seconds (1-3600)")
    .default(30),
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
  const graphqlUrl = e.INDEED_GRAPHQL_URL ?? `${issuer}/graphql`;
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  const usesSandbox = isLoopback(issuer);
  // A production build run on this machine against the sandbox (the e2e suite, a local demo).
  const localProduction = production && e.ALLOW_LOCAL_SANDBOX && usesSandbox;

  const problems: string[] = [];
  if (e.TOKEN_ENCRYPTION_KEY && e.TOKEN_ENCRYPTION_KEYS) {
    problems.push("TOKEN_ENCRYPTION_KEYS: set it or TOKEN_ENCRYPTION_KEY, not both");
  }
  if (production && !localProduction) {
    problems.push(...productionProblems(e, { issuer, graphqlUrl, appUrl, usesSandbox }));
  }
  if (problems.length > 0) {
    throw new Error(
      `Lobby's configuration is invalid:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
  }
  const local = production && !localProduction ? undefined : localSecrets(e.LOCAL_SECRETS_FILE);
  // A single key (TOKEN_ENCRYPTION_KEY, or the generated local one) is the key "default".
  const tokenKeys: TokenKeyring = e.TOKEN_ENCRYPTION_KEYS ?? [
    {
      id: SINGLE_TOKEN_KEY_ID,
      key: Buffer.from(e.TOKEN_ENCRYPTION_KEY ?? local!.tokenEncryptionKey, "base64"),
    },
  ];

  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    appUrl,
    atsName: e.ATS_NAME,
    database: e.DATABASE_URL
      ? ({ kind: "postgres", url: e.DATABASE_URL } as const)
      : ({ kind: "pglite", dataDir: resolve(e.PGLITE_DIR) } as const),
    indeed: {
      issuer,
      graphqlUrl,
      clientId: e.INDEED_CLIENT_ID,
      clientSecret: e.INDEED_CLIENT_SECRET,
      usesSandbox,
      // The sandbox's extended schema takes the job and the sort; Indeed's guide shows neither.
      schemaExtensions: e.INDEED_SCHEMA_EXTENSIONS ?? usesSandbox,
    },
    sandbox: { port: e.SANDBOX_PORT, dataDir: resolve(e.SANDBOX_DATA_DIR) },
    rateLimits: {
      authPerMinute: e.RATE_LIMIT_AUTH_PER_MINUTE,
      graphqlPointsPerMinute: e.RATE_LIMIT_GRAPHQL_PER_MINUTE,
      trustedProxies: e.TRUSTED_PROXY_COUNT,
    },
    session: { idleHours: e.SESSION_IDLE_HOURS },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? DEFAULT_MAIL_FROM,
      retryLimit: e.MAIL_RETRY_LIMIT,
      retryDelaySeconds: e.MAIL_RETRY_DELAY_SECONDS,
    },
    authSecret: e.AUTH_SECRET ?? local!.authSecret,
    tokenKeys,
  };
}

/**
 * What a deployed server must not run with: the sandbox, plain http, the repository's published
 * client credentials, a GraphQL host that is not Indeed's unless declared, generated secrets.
 */
function productionProblems(
  e: z.infer<typeof envSchema>,
  derived: { issuer: string; graphqlUrl: string; appUrl: string; usesSandbox: boolean },
): string[] {
  const problems: string[] = [];
  if (derived.usesSandbox) {
    problems.push(
      "INDEED_ISSUER: production mode refuses the local Indeed sandbox; set Indeed's issuer",
    );
  } else if (e.ALLOW_LOCAL_SANDBOX) {
    problems.push(
      "ALLOW_LOCAL_SANDBOX: only allowed with a loopback sandbox issuer; unset it for a real Indeed issuer",
    );
  }
  if (!derived.usesSandbox && !derived.issuer.startsWith("https://")) {
    problems.push("INDEED_ISSUER: must be an https URL in production");
  }
  if (!derived.graphqlUrl.startsWith("https://")) {
    problems.push("INDEED_GRAPHQL_URL: must be an https URL in production");
  }
  const graphqlHost = new URL(derived.graphqlUrl).hostname;
  if (!graphqlHost.endsWith(".indeed.com") && graphqlHost !== e.INDEED_GRAPHQL_ALLOWED_HOST) {
    problems.push(
      `INDEED_GRAPHQL_URL: ${graphqlHost} is not Indeed's (apis.indeed.com); declare it in INDEED_GRAPHQL_ALLOWED_HOST if Lobby must send Indeed tokens there`,
    );
  }
  if (e.INDEED_CLIENT_ID === REPOSITORY_CLIENT_ID) {
    problems.push(
      `INDEED_CLIENT_ID: production refuses the repository's default client "${REPOSITORY_CLIENT_ID}"; set your Indeed app's client id`,
    );
  }
  if (e.INDEED_CLIENT_SECRET === REPOSITORY_CLIENT_SECRET) {
    problems.push(
      "INDEED_CLIENT_SECRET: production refuses the repository's default secret; set your Indeed app's client secret",
    );
  }
  if (!derived.appUrl.startsWith("https://")) {
    problems.push(
      "APP_URL: must be an https URL in production (the session cookie is Secure, __Host- prefixed)",
    );
  }
  if (!e.AUTH_SECRET) problems.push("AUTH_SECRET: required in production");
  if (!e.MAIL_FROM) {
    problems.push(
      "MAIL_FROM: required in production: the address Lobby sends interviewees' mail from, on a domain whose SPF and DKIM cover SMTP_URL's server",
    );
  }
  if (!e.TOKEN_ENCRYPTION_KEYS && !e.TOKEN_ENCRYPTION_KEY) {
    problems.push(
      "TOKEN_ENCRYPTION_KEYS: required in production (or a single TOKEN_ENCRYPTION_KEY)",
    );
  }
  return problems;
}

function isLoopback(address: string): boolean {
  const host = new URL(address).hostname;
  // 127.0.0.0/8 as an address: a name like 127.0.0.1.example.com is somebody else's host.
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
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
