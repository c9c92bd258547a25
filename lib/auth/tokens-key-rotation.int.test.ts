import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openPglite, type DatabaseHandle } from "@/lib/db/client";
import { indeedConnections } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import {
  connectionRow,
  expireAccessToken,
  sandboxSettings,
  signInAs,
  startTokenTestbed,
  type SignedIn,
  type TokenTestbed,
} from "./sandbox-fixtures.test-support";
import { tokenKeyId, type TokenKey, type TokenKeyring } from "./token-crypto";
import { createTokenService } from "./tokens";

const onPostgres = Boolean(process.env.DATABASE_URL);
const quiet = () => undefined;
const newKey = (id: string): TokenKey => ({ id, key: randomBytes(32) });
const PEOPLE = [
  { user: "u-dana", employer: "emp-acme-robotics" },
  { user: "u-sam", employer: "emp-initech-foods" },
  { user: "u-ivy", employer: "emp-acme-robotics" },
] as const;

describe(`token key rotation (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  let bed: TokenTestbed;
  let handle: DatabaseHandle;
  const keyA = newKey("key-a");
  const keyB = newKey("key-b");

  beforeAll(async () => {
    bed = await startTokenTestbed();
  });
  afterAll(async () => {
    await bed?.close();
  });
  // A fresh database per test: the counts each test asserts are its own rows only.
  beforeEach(async () => {
    handle = await createTestDatabase();
  });
  afterEach(async () => {
    await handle?.close();
  });

  const serviceWith = (...keys: TokenKey[]) =>
    createTokenService({
      db: handle.db,
      key: keys as unknown as TokenKeyring,
      oauth: sandboxSettings(bed.sandbox.url),
      log: quiet,
    });

  const signIn = (keys: TokenKey[], person: (typeof PEOPLE)[number]) =>
    signInAs({ db: handle.db, tokens: serviceWith(...keys), sandboxUrl: bed.sandbox.url }, person);

  async function keyIdsOf(connectionId: string) {
    const row = await connectionRow(handle.db, connectionId);
    return [row!.accessTokenCiphertext, row!.refreshTokenCiphertext].map((v) => tokenKeyId(v!));
  }

  it("rows under key A read under B,A; rotation puts them all under B; then B alone reads them", async () => {
    const signedIn: SignedIn[] = [];
    for (const person of PEOPLE) signedIn.push(await signIn([keyA], person));
    for (const { session } of signedIn)
      expect(await keyIdsOf(session.connectionId)).toEqual(["key-a", "key-a"]);
    // One row as written before stored values named their key (v1): it rotates too.
    const sam = await connectionRow(handle.db, signedIn[1]!.session.connectionId);
    await handle.db
      .update(indeedConnections)
      .set({ accessTokenCiphertext: sam!.accessTokenCiphertext!.replace(/^v2\.key-a\./, "v1.") })
      .where(eq(indeedConnections.id, sam!.id));

    const rotating = serviceWith(keyB, keyA);
    for (const { session, tokens } of signedIn)
      expect(await rotating.getAccessToken(session.connectionId)).toBe(tokens.access_token);

    expect(await rotating.rotateKeys()).toEqual({
      reencrypted: 3,
      alreadyCurrent: 0,
      reconnect: [],
    });
    for (const { session } of signedIn) {
      expect(await keyIdsOf(session.connectionId)).toEqual(["key-b", "key-b"]);
      expect((await connectionRow(handle.db, session.connectionId))?.status).toBe("active");
    }

    const onlyB = serviceWith(keyB);
    for (const { session, tokens } of signedIn)
      expect(await onlyB.getAccessToken(session.connectionId)).toBe(tokens.access_token);
    // The refresh token moved too: an expired access token still refreshes under B alone.
    const dana = signedIn[0]!;
    await expireAccessToken(handle.db, dana.session.connectionId);
    const fresh = await onlyB.getAccessToken(dana.session.connectionId);
    expect(fresh).not.toBe(dana.tokens.access_token);
    expect(await onlyB.rotateKeys()).toEqual({ reencrypted: 0, alreadyCurrent: 3, reconnect: [] });
  });

  it("a token under an unknown key, or in plaintext, puts that connection alone in reconnect", async () => {
    const dana = await signIn([newKey("key-gone")], PEOPLE[0]);
    const sam = await signIn([keyB], PEOPLE[1]);
    const ivy = await signIn([keyB], PEOPLE[2]);
    // Never a plaintext fallback: a bare token in the column is refused, not used.
    await handle.db
      .update(indeedConnections)
      .set({ accessTokenCiphertext: sam.tokens.access_token })
      .where(eq(indeedConnections.id, sam.session.connectionId));

    const reader = serviceWith(keyB, keyA);
    for (const broken of [dana, sam]) {
      await expect(reader.getAccessToken(broken.session.connectionId)).rejects.toMatchObject({
        code: "RECONNECT_REQUIRED",
      });
      expect(await connectionRow(handle.db, broken.session.connectionId)).toMatchObject({
        status: "needs_reauth",
        accessTokenCiphertext: null,
        refreshTokenCiphertext: null,
      });
    }
    expect(await reader.getAccessToken(ivy.session.connectionId)).toBe(ivy.tokens.access_token);
    expect(await connectionRow(handle.db, ivy.session.connectionId)).toMatchObject({
      status: "active",
    });
    expect(await keyIdsOf(ivy.session.connectionId)).toEqual(["key-b", "key-b"]);
  });

  it("rotation reports and marks for reconnect the rows no key decrypts, and rotates the others", async () => {
    const dana = await signIn([newKey("key-gone")], PEOPLE[0]);
    const sam = await signIn([keyA], PEOPLE[1]);
    const ivy = await signIn([keyB], PEOPLE[2]);

    const report = await serviceWith(keyB, keyA).rotateKeys();
    expect(report).toEqual({
      reencrypted: 1,
      alreadyCurrent: 1,
      reconnect: [dana.session.connectionId],
    });
    expect((await connectionRow(handle.db, dana.session.connectionId))?.status).toBe(
      "needs_reauth",
    );
    const onlyB = serviceWith(keyB);
    expect(await onlyB.getAccessToken(sam.session.connectionId)).toBe(sam.tokens.access_token);
    expect(await onlyB.getAccessToken(ivy.session.connectionId)).toBe(ivy.tokens.access_token);
  });

  it("npm run keys:rotate re-encrypts the configured database under the current key and prints the counts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lobby-keys-rotate-"));
    const listed = (...keys: TokenKey[]) =>
      keys.map((k) => `${k.id}:${k.key.toString("base64")}`).join(",");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "development",
      PGLITE_DIR: join(dir, "pglite"),
      LOCAL_SECRETS_FILE: join(dir, "secrets.json"),
      INDEED_ISSUER: bed.sandbox.url,
      TOKEN_ENCRYPTION_KEYS: listed(keyB, keyA),
    };
    delete env.DATABASE_URL;
    delete env.TOKEN_ENCRYPTION_KEY;
    const npmRun = (script: string) =>
      promisify(execFile)("npm", ["run", "--silent", script], { env });
    try {
      // In a child process: migrating PGlite on disk would stall this process's event loop.
      await npmRun("db:migrate");
      const database = openPglite(join(dir, "pglite"));
      const underA = createTokenService({
        db: database.db,
        key: [keyA],
        oauth: sandboxSettings(bed.sandbox.url),
        log: quiet,
      });
      const signedIn = [];
      for (const person of PEOPLE.slice(0, 2))
        signedIn.push(
          await signInAs({ db: database.db, tokens: underA, sandboxUrl: bed.sandbox.url }, person),
        );
      await database.close();

      const { stdout } = await npmRun("keys:rotate");
      expect(stdout).toMatch(/current key "key-b"[\s\S]*re-encrypted:\s+2\b/);
      expect(stdout).toMatch(/could not decrypt:\s+0\b/);

      const after = openPglite(join(dir, "pglite"));
      try {
        const onlyB = createTokenService({
          db: after.db,
          key: [keyB],
          oauth: sandboxSettings(bed.sandbox.url),
          log: quiet,
        });
        for (const { session, tokens } of signedIn)
          expect(await onlyB.getAccessToken(session.connectionId)).toBe(tokens.access_token);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
