import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Indeed tokens at rest: AES-256-GCM, a fresh 96-bit IV per value, and associated data that
 * binds the ciphertext to its row and its purpose, so a ciphertext copied to another row (or
 * from the refresh-token column to the access-token column) does not decrypt. The keys come
 * from TOKEN_ENCRYPTION_KEYS (lib/config.ts), never from the database.
 *
 * Format: `v2.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts). The key id names the key
 * that encrypted the value, so keys can rotate: the current key encrypts, older keys still
 * decrypt until `npm run keys:rotate` has re-encrypted everything. A value under a key id the
 * keyring does not hold does not decrypt. `v1.<iv>.<ciphertext>.<tag>` (written before key
 * ids) is still read: the keyring's keys are tried in turn, and GCM authenticates the right one.
 */
export type TokenPurpose = "access_token" | "refresh_token";

export interface TokenKey {
  id: string;
  key: Buffer;
}

/** The current key first (it encrypts), then older keys that still decrypt. */
export type TokenKeyring = readonly [TokenKey, ...TokenKey[]];

/** Key ids appear in every stored value: short, and free of the `.` that separates parts. */
export const TOKEN_KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** The id of a key given alone (TOKEN_ENCRYPTION_KEY, the generated local secret). */
export const SINGLE_TOKEN_KEY_ID = "default";

const VERSION = "v2";
const UNKEYED_VERSION = "v1";

/** A ciphertext that does not decrypt: unknown or wrong key, another row, tampered, malformed. */
export class TokenDecryptionError extends Error {
  constructor(message = "The stored Indeed token cannot be decrypted") {
    super(message);
    this.name = "TokenDecryptionError";
  }
}

function associatedData(rowId: string, purpose: TokenPurpose): Buffer {
  return Buffer.from(`lobby:indeed_connections:${rowId}:${purpose}`, "utf8");
}

function checkKey({ id, key }: TokenKey): void {
  if (key.length !== 32)
    throw new TokenDecryptionError("The token encryption key must be 32 bytes");
  if (!TOKEN_KEY_ID_PATTERN.test(id))
    throw new TokenDecryptionError("The token encryption key id must be 1-32 of A-Z a-z 0-9 _ -");
}

/** Encrypts under the keyring's current (first) key. */
export function encryptToken(
  plaintext: string,
  keys: TokenKeyring,
  rowId: string,
  purpose: TokenPurpose,
): string {
  const current = keys[0];
  checkKey(current);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  cipher.setAAD(associatedData(rowId, purpose));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    current.id,
    iv.toString("base64url"),
    ciphertext.toString("base64url"),
    tag.toString("base64url"),
  ].join(".");
}

/** The id of the key a stored value was encrypted under; null for a value without one (v1). */
export function tokenKeyId(stored: string): string | null {
  const parts = stored.split(".");
  return parts[0] === VERSION && parts.length === 5 ? parts[1]! : null;
}

/** Decrypts, or throws TokenDecryptionError: never returns anything it could not authenticate. */
export function decryptToken(
  stored: string,
  keys: TokenKeyring,
  rowId: string,
  purpose: TokenPurpose,
): string {
  const parts = stored.split(".");
  let candidates: readonly TokenKey[];
  let sealed: string[];
  if (parts[0] === VERSION && parts.length === 5) {
    const key = keys.find((k) => k.id === parts[1]);
    if (!key) throw new TokenDecryptionError(`No token key with id "${parts[1]}"`);
    candidates = [key];
    sealed = parts.slice(2);
  } else if (parts[0] === UNKEYED_VERSION && parts.length === 4) {
    candidates = keys;
    sealed = parts.slice(1);
  } else {
    throw new TokenDecryptionError("Unknown token format");
  }
  const [ivText, ciphertextText, tagText] = sealed as [string, string, string];
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== 12 || tag.length !== 16)
    throw new TokenDecryptionError("Malformed token ciphertext");
  const ciphertext = Buffer.from(ciphertextText, "base64url");
  for (const candidate of candidates) {
    checkKey(candidate);
    try {
      const decipher = createDecipheriv("aes-256-gcm", candidate.key, iv);
      decipher.setAAD(associatedData(rowId, purpose));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
    } catch {
      // Not this key (or tampered): GCM refused to authenticate; try the next one, if any.
    }
  }
  throw new TokenDecryptionError();
}
