import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Indeed tokens at rest: AES-256-GCM, a fresh 96-bit IV per value, and associated data that
 * binds the ciphertext to its row and its purpose, so a ciphertext copied to another row (or
 * from the refresh-token column to the access-token column) does not decrypt. The key is
 * TOKEN_ENCRYPTION_KEY (lib/config.ts), never stored in the database.
 *
 * Format: `v1.<iv base64url>.<ciphertext base64url>.<tag base64url>`.
 */
export type TokenPurpose = "access_token" | "refresh_token";

const VERSION = "v1";

/** A ciphertext that does not decrypt: wrong key, another row, tampered with or malformed. */
export class TokenDecryptionError extends Error {
  constructor(message = "The stored Indeed token cannot be decrypted") {
    super(message);
    this.name = "TokenDecryptionError";
  }
}

function associatedData(rowId: string, purpose: TokenPurpose): Buffer {
  return Buffer.from(`lobby:indeed_connections:${rowId}:${purpose}`, "utf8");
}

function checkKey(key: Buffer): void {
  if (key.length !== 32)
    throw new TokenDecryptionError("The token encryption key must be 32 bytes");
}

export function encryptToken(
  plaintext: string,
  key: Buffer,
  rowId: string,
  purpose: TokenPurpose,
): string {
  checkKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(associatedData(rowId, purpose));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    iv.toString("base64url"),
    ciphertext.toString("base64url"),
    tag.toString("base64url"),
  ].join(".");
}

/** Decrypts, or throws TokenDecryptionError: never returns anything it could not authenticate. */
export function decryptToken(
  stored: string,
  key: Buffer,
  rowId: string,
  purpose: TokenPurpose,
): string {
  checkKey(key);
  const parts = stored.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION)
    throw new TokenDecryptionError("Unknown token format");
  const [, ivText, ciphertextText, tagText] = parts as [string, string, string, string];
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== 12 || tag.length !== 16)
    throw new TokenDecryptionError("Malformed token ciphertext");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(associatedData(rowId, purpose));
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertextText, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new TokenDecryptionError();
  }
}
