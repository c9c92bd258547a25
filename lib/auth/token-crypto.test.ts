import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptToken,
  encryptToken,
  tokenKeyId,
  TokenDecryptionError,
  type TokenKeyring,
} from "./token-crypto";

const keyA = { id: "a", key: randomBytes(32) };
const keyB = { id: "b", key: randomBytes(32) };
const ring: TokenKeyring = [keyA];
const rowA = "6f1c3a8e-2b7d-4c55-9a1e-0d3f5b7c9e11";
const rowB = "0a9b8c7d-6e5f-4a3b-9c2d-1e0f2a3b4c5d";

describe("token encryption", () => {
  it("round-trips a token for the same row and purpose", () => {
    const stored = encryptToken("eyJ.secret.token", ring, rowA, "access_token");
    expect(decryptToken(stored, ring, rowA, "access_token")).toBe("eyJ.secret.token");
  });

  it("never stores the plaintext, uses a fresh IV each time and names its key", () => {
    const one = encryptToken("refresh-token-value", ring, rowA, "refresh_token");
    const two = encryptToken("refresh-token-value", ring, rowA, "refresh_token");
    expect(one).not.toContain("refresh-token-value");
    expect(one).not.toBe(two);
    expect(one).toMatch(/^v2\.a\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(tokenKeyId(one)).toBe("a");
  });

  it("refuses a ciphertext moved to another row (row id is associated data)", () => {
    const stored = encryptToken("token", ring, rowA, "access_token");
    expect(() => decryptToken(stored, ring, rowB, "access_token")).toThrow(TokenDecryptionError);
  });

  it("refuses a refresh-token ciphertext read as an access token", () => {
    const stored = encryptToken("token", ring, rowA, "refresh_token");
    expect(() => decryptToken(stored, ring, rowA, "access_token")).toThrow(TokenDecryptionError);
  });

  it("fails closed with a wrong key under the same id", () => {
    const stored = encryptToken("token", ring, rowA, "access_token");
    expect(() =>
      decryptToken(stored, [{ id: "a", key: randomBytes(32) }], rowA, "access_token"),
    ).toThrow(TokenDecryptionError);
  });

  it("encrypts under the first key and still decrypts under the older ones", () => {
    const underA = encryptToken("old", [keyA], rowA, "access_token");
    const rotated: TokenKeyring = [keyB, keyA];
    expect(decryptToken(underA, rotated, rowA, "access_token")).toBe("old");
    const underB = encryptToken("new", rotated, rowA, "access_token");
    expect(tokenKeyId(underB)).toBe("b");
    expect(decryptToken(underB, [keyB], rowA, "access_token")).toBe("new");
  });

  it("refuses a value under a key id the keyring does not hold, or relabelled to another key", () => {
    const underA = encryptToken("token", [keyA], rowA, "access_token");
    expect(() => decryptToken(underA, [keyB], rowA, "access_token")).toThrow(/No token key/);
    const relabelled = underA.replace(/^v2\.a\./, "v2.b.");
    expect(() => decryptToken(relabelled, [keyB, keyA], rowA, "access_token")).toThrow(
      TokenDecryptionError,
    );
  });

  it("reads a value written before key ids (v1) with whichever ring key authenticates it", () => {
    const [, , ...sealed] = encryptToken("legacy", [keyA], rowA, "access_token").split(".");
    const legacy = ["v1", ...sealed].join(".");
    expect(tokenKeyId(legacy)).toBeNull();
    expect(decryptToken(legacy, [keyB, keyA], rowA, "access_token")).toBe("legacy");
    expect(() => decryptToken(legacy, [keyB], rowA, "access_token")).toThrow(TokenDecryptionError);
  });

  it("refuses tampered, truncated and malformed values", () => {
    const stored = encryptToken("token", ring, rowA, "access_token");
    const parts = stored.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    const tampered = [...parts.slice(0, 3), flipped.toString("base64url"), parts[4]].join(".");
    for (const bad of [
      tampered,
      parts.slice(0, 4).join("."),
      "plaintext-token",
      "",
      `v3.${parts.slice(1).join(".")}`,
      `v1.${parts.slice(1).join(".")}`,
    ]) {
      expect(() => decryptToken(bad, ring, rowA, "access_token")).toThrow(TokenDecryptionError);
    }
  });

  it("refuses a key that is not 32 bytes, or an id that cannot sit in the format", () => {
    expect(() =>
      encryptToken("token", [{ id: "a", key: randomBytes(16) }], rowA, "access_token"),
    ).toThrow(TokenDecryptionError);
    expect(() =>
      encryptToken("token", [{ id: "a.b", key: randomBytes(32) }], rowA, "access_token"),
    ).toThrow(TokenDecryptionError);
  });
});
