import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";

const secretsFile = () => join(mkdtempSync(join(tmpdir(), "lobby-config-")), "secrets.json");

describe("parseConfig", () => {
  it("serves the embedded setup with no variables at all", () => {
    const config = parseConfig({ LOCAL_SECRETS_FILE: secretsFile() });
    expect(config.database.kind).toBe("pglite");
    expect(config.indeed.issuer).toBe("http://127.0.0.1:4010");
    expect(config.indeed.graphqlUrl).toBe("http://127.0.0.1:4010/graphql");
    expect(config.indeed.usesSandbox).toBe(true);
    expect(config.appUrl).toBe("http://localhost:3000");
    expect(config.tokenEncryptionKey).toHaveLength(32);
  });

  it("keeps generated local secrets across restarts", () => {
    const file = secretsFile();
    const first = parseConfig({ LOCAL_SECRETS_FILE: file });
    const second = parseConfig({ LOCAL_SECRETS_FILE: file });
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.tokenEncryptionKey.equals(first.tokenEncryptionKey)).toBe(true);
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

  it("refuses a token key that is not 32 bytes", () => {
    expect(() =>
      parseConfig({ TOKEN_ENCRYPTION_KEY: "c2hvcnQ=", LOCAL_SECRETS_FILE: secretsFile() }),
    ).toThrow(/TOKEN_ENCRYPTION_KEY: must be 32 bytes/);
  });

  it("refuses the local sandbox in production unless a local run is declared", () => {
    const env = {
      NODE_ENV: "production",
      AUTH_SECRET: "x".repeat(32),
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    };
    expect(() => parseConfig(env)).toThrow(
      /INDEED_ISSUER: production mode refuses the local Indeed sandbox/,
    );
    expect(parseConfig({ ...env, ALLOW_LOCAL_SANDBOX: "true" }).indeed.usesSandbox).toBe(true);
  });

  it("requires real secrets in production", () => {
    expect(() =>
      parseConfig({ NODE_ENV: "production", INDEED_ISSUER: "https://secure.indeed.com" }),
    ).toThrow(/AUTH_SECRET and TOKEN_ENCRYPTION_KEY are required in production/);
  });
});
