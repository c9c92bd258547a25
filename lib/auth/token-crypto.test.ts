import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptToken, encryptToken, TokenDecryptionError } from "./token-crypto";

const key = randomBytes(32);
const rowA = "6f1c3a8e-2b7d-4c55-9a1e-0d3f5b7c9e11";
const rowB = "0a9b8c7d-6e5f-4a3b-9c2d-1e0f2a3b4c5d";

describe("token encryption", () => {
  it("round-trips a token for the same row and purpose", () => {
    const stored = encryptToken("eyJ.secret.token", key, rowA, "access_token");
    expect(decryptToken(stored, key, rowA, "access_token")).toBe("eyJ.secret.token");
  });

  it("never stores the plaintext and uses a fresh IV each time", () => {
    const one = encryptToken("refresh-token-value", key, rowA, "refresh_token");
    const two = encryptToken("refresh-token-value", key, rowA, "refresh_token");
    expect(one).not.toContain("refresh-token-value");
    expect(one).not.toBe(two);
    expect(one).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("refuses a ciphertext moved to another row (row id is associated data)", () => {
    const stored = encryptToken("token", key, rowA, "access_token");
    expect(() => decryptToken(stored, key, rowB, "access_token")).toThrow(TokenDecryptionError);
  });

  it("refuses a refresh-token ciphertext read as an access token", () => {
    const stored = encryptToken("token", key, rowA, "refresh_token");
    expect(() => decryptToken(stored, key, rowA, "access_token")).toThrow(TokenDecryptionError);
  });

  it("fails closed with a wrong key", () => {
    const stored = encryptToken("token", key, rowA, "access_token");
    expect(() => decryptToken(stored, randomBytes(32), rowA, "access_token")).toThrow(
      TokenDecryptionError,
    );
  });

  it("refuses tampered, truncated and malformed values", () => {
    const stored = encryptToken("token", key, rowA, "access_token");
    const parts = stored.split(".");
    const flipped = Buffer.from(parts[2]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    const tampered = [parts[0], parts[1], flipped.toString("base64url"), parts[3]].join(".");
    for (const bad of [
      tampered,
      parts.slice(0, 3).join("."),
      "plaintext-token",
      "",
      `v2.${parts.slice(1).join(".")}`,
    ]) {
      expect(() => decryptToken(bad, key, rowA, "access_token")).toThrow(TokenDecryptionError);
    }
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => encryptToken("token", randomBytes(16), rowA, "access_token")).toThrow(
      TokenDecryptionError,
    );
  });
});
