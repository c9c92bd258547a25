import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";

const secretsFile = () => join(mkdtempSync(join(tmpdir(), "lobby-config-")), "secrets.json");
const base64Key = () => randomBytes(32).toString("base64");

/** A deployment that production accepts; each refusal below changes one thing in it. */
const deployed: Record<string, string | undefined> = {
  NODE_ENV: "production",
  APP_URL: "https://lobby.example.com",
  INDEED_ISSUER: "https://secure.indeed.com",
  INDEED_GRAPHQL_URL: "https://apis.indeed.com/graphql",
  INDEED_CLIENT_ID: "acme-ats-client",
  INDEED_CLIENT_SECRET: "issued-by-indeed-for-acme",
  AUTH_SECRET: "x".repeat(32),
  TOKEN_ENCRYPTION_KEYS: `k2:${base64Key()}`,
  MAIL_FROM: "Acme interviews <interviews@mail.acme.example>",
};

/** The e2e suite's `next start`: production build, local sandbox, plain http on localhost. */
const localProduction = {
  NODE_ENV: "production",
  PORT: "3100",
  APP_URL: "http://localhost:3100",
  INDEED_ISSUER: "http://127.0.0.1:4110",
  ALLOW_LOCAL_SANDBOX: "true",
};

describe("parseConfig", () => {
  it("serves the embedded setup with no variables at all", () => {
    const config = parseConfig({ LOCAL_SECRETS_FILE: secretsFile() });
    expect(config.database.kind).toBe("pglite");
    expect(config.indeed.issuer).toBe("http://127.0.0.1:4010");
    expect(config.indeed.graphqlUrl).toBe("http://127.0.0.1:4010/graphql");
    expect(config.indeed.usesSandbox).toBe(true);
    expect(config.appUrl).toBe("http://localhost:3000");
    expect(config.tokenKeys).toHaveLength(1);
    expect(config.tokenKeys[0].id).toBe("default");
    expect(config.tokenKeys[0].key).toHaveLength(32);
  });

  it("keeps generated local secrets across restarts", () => {
    const file = secretsFile();
    const first = parseConfig({ LOCAL_SECRETS_FILE: file });
    const second = parseConfig({ LOCAL_SECRETS_FILE: file });
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.tokenKeys[0].key.equals(first.tokenKeys[0].key)).toBe(true);
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const config = parseConfig({
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test",
      LOCAL_SECRETS_FILE: secretsFile(),
    });
    expect(config.database).toEqual({
      kind: "postgres",
      url: "postgres://postgres@127.0.0.1:5432/test",
    });
  });

  it("names every bad value in one error", () => {
    expect(() =>
      parseConfig({
        PORT: "eighty",
        INDEED_ISSUER: "ftp://x",
        DATABASE_URL: "mysql://db",
        LOCAL_SECRETS_FILE: secretsFile(),
      }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*INDEED_ISSUER/);
  });

  describe("mail", () => {
    it("sends to the sandbox's SMTP server from Lobby's placeholder address by default", () => {
      const { mail } = parseConfig({ LOCAL_SECRETS_FILE: secretsFile() });
      expect(mail.smtpUrl).toBe("smtp://127.0.0.1:2525");
      expect(mail.from).toEqual({ name: "Lobby", address: "interviews@lobby.invalid" });
      expect(mail.retryLimit).toBe(8);
    });

    it("reads MAIL_FROM as a name and an address, or a bare address", () => {
      const env = { LOCAL_SECRETS_FILE: secretsFile() };
      expect(parseConfig({ ...env, MAIL_FROM: "Acme <jobs@acme.example>" }).mail.from).toEqual({
        name: "Acme",
        address: "jobs@acme.example",
      });
      expect(parseConfig({ ...env, MAIL_FROM: "jobs@acme.example" }).mail.from).toEqual({
        name: undefined,
        address: "jobs@acme.example",
      });
    });

    it.each([
      ["SMTP_URL", "http://mail.example.com", /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/],
      ["MAIL_FROM", "Acme <not an address>", /MAIL_FROM: must be an address/],
      ["MAIL_RETRY_LIMIT", "-1", /MAIL_RETRY_LIMIT: must be a whole number of retries/],
      ["MAIL_RETRY_DELAY_SECONDS", "0.5", /MAIL_RETRY_DELAY_SECONDS: must be a whole number/],
    ])("refuses a bad %s", (name, value, message) => {
      expect(() => parseConfig({ LOCAL_SECRETS_FILE: secretsFile(), [name]: value })).toThrow(
        message,
      );
    });
  });

  describe("SESSION_IDLE_HOURS", () => {
    it("defaults to 12 hours and takes a whole number of hours", () => {
      expect(parseConfig({ LOCAL_SECRETS_FILE: secretsFile() }).session.idleHours).toBe(12);
      expect(
        parseConfig({ SESSION_IDLE_HOURS: "1", LOCAL_SECRETS_FILE: secretsFile() }).session
          .idleHours,
      ).toBe(1);
      expect(
        parseConfig({ SESSION_IDLE_HOURS: "72", LOCAL_SECRETS_FILE: secretsFile() }).session
          .idleHours,
      ).toBe(72);
    });

    it.each(["0", "-3", "1.5", "twelve", "721"])("refuses %s", (value) => {
      expect(() =>
        parseConfig({ SESSION_IDLE_HOURS: value, LOCAL_SECRETS_FILE: secretsFile() }),
      ).toThrow(/SESSION_IDLE_HOURS: must be a whole number of hours/);
    });
  });

  describe("INDEED_SCHEMA_EXTENSIONS", () => {
    const indeed = (env: Record<string, string>) =>
      parseConfig({ LOCAL_SECRETS_FILE: secretsFile(), ...env }).indeed.schemaExtensions;

    it("is on for the local sandbox and off for Indeed, unless set", () => {
      expect(indeed({})).toBe(true);
      expect(indeed({ INDEED_ISSUER: "https://secure.indeed.com" })).toBe(false);
      expect(indeed({ INDEED_SCHEMA_EXTENSIONS: "off" })).toBe(false);
      expect(indeed({ INDEED_SCHEMA_EXTENSIONS: "" })).toBe(true);
      expect(
        indeed({ INDEED_ISSUER: "https://secure.indeed.com", INDEED_SCHEMA_EXTENSIONS: "on" }),
      ).toBe(true);
    });

    it("refuses anything but on or off", () => {
      expect(() => indeed({ INDEED_SCHEMA_EXTENSIONS: "yes" })).toThrow(
        /INDEED_SCHEMA_EXTENSIONS: must be on or off/,
      );
    });
  });

  describe("token encryption keys", () => {
    it("takes TOKEN_ENCRYPTION_KEYS as id:key pairs, the current key first", () => {
      const [a, b] = [randomBytes(32), randomBytes(32)];
      const config = parseConfig({
        TOKEN_ENCRYPTION_KEYS: ` b:${b.toString("base64")} , a:${a.toString("base64")}`,
        LOCAL_SECRETS_FILE: secretsFile(),
      });
      expect(config.tokenKeys.map((k) => k.id)).toEqual(["b", "a"]);
      expect(config.tokenKeys[0].key.equals(b)).toBe(true);
      expect(config.tokenKeys[1]!.key.equals(a)).toBe(true);
    });

    it('keeps TOKEN_ENCRYPTION_KEY working: the one key "default"', () => {
      const key = randomBytes(32);
      const config = parseConfig({
        TOKEN_ENCRYPTION_KEY: key.toString("base64"),
        LOCAL_SECRETS_FILE: secretsFile(),
      });
      expect(config.tokenKeys).toEqual([{ id: "default", key }]);
    });

    it.each([
      ["a key that is not 32 bytes", `a:${Buffer.from("short").toString("base64")}`],
      ["an entry without an id", base64Key()],
      ["an id with a dot", `a.b:${base64Key()}`],
      ["an empty entry", `a:${base64Key()},`],
    ])("refuses %s", (_, value) => {
      expect(() =>
        parseConfig({ TOKEN_ENCRYPTION_KEYS: value, LOCAL_SECRETS_FILE: secretsFile() }),
      ).toThrow(/TOKEN_ENCRYPTION_KEYS: must be a comma-separated list of id:key/);
    });

    it("refuses the same key id twice, and both variables at once", () => {
      expect(() =>
        parseConfig({
          TOKEN_ENCRYPTION_KEYS: `a:${base64Key()},a:${base64Key()}`,
          LOCAL_SECRETS_FILE: secretsFile(),
        }),
      ).toThrow(/TOKEN_ENCRYPTION_KEYS: names the key id "a" twice/);
      expect(() =>
        parseConfig({
          TOKEN_ENCRYPTION_KEYS: `a:${base64Key()}`,
          TOKEN_ENCRYPTION_KEY: base64Key(),
          LOCAL_SECRETS_FILE: secretsFile(),
        }),
      ).toThrow(/TOKEN_ENCRYPTION_KEYS: set it or TOKEN_ENCRYPTION_KEY, not both/);
    });

    it("refuses a TOKEN_ENCRYPTION_KEY that is not 32 bytes", () => {
      expect(() =>
        parseConfig({ TOKEN_ENCRYPTION_KEY: "c2hvcnQ=", LOCAL_SECRETS_FILE: secretsFile() }),
      ).toThrow(/TOKEN_ENCRYPTION_KEY: must be 32 bytes/);
    });
  });

  describe("production", () => {
    it("accepts a deployment on https with Indeed's endpoints and its own credentials", () => {
      const config = parseConfig(deployed);
      expect(config.production).toBe(true);
      expect(config.indeed.usesSandbox).toBe(false);
      expect(config.tokenKeys.map((k) => k.id)).toEqual(["k2"]);
    });

    it("accepts Indeed's GraphQL default under its issuer, and a declared other GraphQL host", () => {
      expect(parseConfig({ ...deployed, INDEED_GRAPHQL_URL: undefined }).indeed.graphqlUrl).toBe(
        "https://secure.indeed.com/graphql",
      );
      expect(
        parseConfig({
          ...deployed,
          INDEED_GRAPHQL_URL: "https://graphql-egress.example.com/graphql",
          INDEED_GRAPHQL_ALLOWED_HOST: "GraphQL-Egress.example.com",
        }).indeed.graphqlUrl,
      ).toBe("https://graphql-egress.example.com/graphql");
    });

    it.each([
      [
        "the repository's default client id (unset)",
        { INDEED_CLIENT_ID: undefined },
        /INDEED_CLIENT_ID: production refuses the repository's default client "lobby-local"/,
      ],
      [
        "the repository's default client id (set)",
        { INDEED_CLIENT_ID: "lobby-local" },
        /INDEED_CLIENT_ID: production refuses/,
      ],
      [
        "the repository's default client secret",
        { INDEED_CLIENT_SECRET: "lobby-local-secret" },
        /INDEED_CLIENT_SECRET: production refuses the repository's default secret/,
      ],
      [
        "an http issuer",
        { INDEED_ISSUER: "http://secure.indeed.com" },
        /INDEED_ISSUER: must be an https URL in production/,
      ],
      [
        "an http GraphQL URL",
        { INDEED_GRAPHQL_URL: "http://apis.indeed.com/graphql" },
        /INDEED_GRAPHQL_URL: must be an https URL in production/,
      ],
      [
        "a GraphQL host that is not Indeed's",
        { INDEED_GRAPHQL_URL: "https://graphql.example.net/graphql" },
        /INDEED_GRAPHQL_URL: graphql.example.net is not Indeed's[\s\S]*INDEED_GRAPHQL_ALLOWED_HOST/,
      ],
      [
        "a GraphQL host that only starts like Indeed's",
        { INDEED_GRAPHQL_URL: "https://apis.indeed.com.attacker.example/graphql" },
        /INDEED_GRAPHQL_URL: apis.indeed.com.attacker.example is not Indeed's/,
      ],
      [
        "a GraphQL host that only ends like Indeed's",
        { INDEED_GRAPHQL_URL: "https://notindeed.com/graphql" },
        /INDEED_GRAPHQL_URL: notindeed.com is not Indeed's/,
      ],
      [
        "a GraphQL host other than the one declared",
        {
          INDEED_GRAPHQL_URL: "https://graphql.example.net/graphql",
          INDEED_GRAPHQL_ALLOWED_HOST: "graphql-egress.example.com",
        },
        /INDEED_GRAPHQL_URL: graphql.example.net is not Indeed's/,
      ],
      [
        "ALLOW_LOCAL_SANDBOX with Indeed's issuer",
        { ALLOW_LOCAL_SANDBOX: "true" },
        /ALLOW_LOCAL_SANDBOX: only allowed with a loopback sandbox issuer/,
      ],
      [
        "ALLOW_LOCAL_SANDBOX with an issuer named like a loopback address",
        {
          ALLOW_LOCAL_SANDBOX: "true",
          INDEED_ISSUER: "https://127.0.0.1.attacker.example",
          APP_URL: "http://localhost:3100",
        },
        /ALLOW_LOCAL_SANDBOX: only allowed with a loopback sandbox issuer[\s\S]*APP_URL: must be an https URL/,
      ],
      [
        "the local sandbox without ALLOW_LOCAL_SANDBOX",
        { INDEED_ISSUER: "http://127.0.0.1:4010", INDEED_GRAPHQL_URL: undefined },
        /INDEED_ISSUER: production mode refuses the local Indeed sandbox/,
      ],
      [
        "an http APP_URL",
        { APP_URL: "http://lobby.example.com" },
        /APP_URL: must be an https URL in production/,
      ],
      ["no APP_URL (http://localhost)", { APP_URL: undefined }, /APP_URL: must be an https URL/],
      ["no AUTH_SECRET", { AUTH_SECRET: undefined }, /AUTH_SECRET: required in production/],
      ["no MAIL_FROM", { MAIL_FROM: undefined }, /MAIL_FROM: required in production/],
      [
        "no token key",
        { TOKEN_ENCRYPTION_KEYS: undefined },
        /TOKEN_ENCRYPTION_KEYS: required in production/,
      ],
    ])("refuses %s, naming the variable", (_, change, message) => {
      expect(() => parseConfig({ ...deployed, ...change })).toThrow(message);
    });

    it("accepts a single TOKEN_ENCRYPTION_KEY instead of the list", () => {
      const config = parseConfig({
        ...deployed,
        TOKEN_ENCRYPTION_KEYS: undefined,
        TOKEN_ENCRYPTION_KEY: base64Key(),
      });
      expect(config.tokenKeys.map((k) => k.id)).toEqual(["default"]);
    });

    it("runs the e2e suite's local production on http against a loopback sandbox", () => {
      const config = parseConfig({ ...localProduction, LOCAL_SECRETS_FILE: secretsFile() });
      expect(config.production).toBe(true);
      expect(config.appUrl).toBe("http://localhost:3100");
      expect(config.indeed.usesSandbox).toBe(true);
      expect(config.indeed.clientId).toBe("lobby-local");
    });

    it("refuses that local mode without ALLOW_LOCAL_SANDBOX", () => {
      expect(() =>
        parseConfig({
          ...localProduction,
          ALLOW_LOCAL_SANDBOX: undefined,
          LOCAL_SECRETS_FILE: secretsFile(),
        }),
      ).toThrow(/INDEED_ISSUER: production mode refuses the local Indeed sandbox[\s\S]*APP_URL/);
    });
  });
});
