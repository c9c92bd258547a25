import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { z } from "zod";

/** The ES256 signing key as persisted: a private JWK and its `kid`. */
export const signingKeySchema = z.object({
  kid: z.string().min(1),
  privateJwk: z.object({
    kty: z.literal("EC"),
    crv: z.literal("P-256"),
    x: z.string(),
    y: z.string(),
    d: z.string(),
  }),
});
export type StoredSigningKey = z.infer<typeof signingKeySchema>;

/** A key that signed tokens before a rotation: still published (and accepted) until `publishedUntil`. */
export const retiredKeySchema = z.object({
  key: signingKeySchema,
  /** Epoch milliseconds on the virtual clock. */
  publishedUntil: z.number(),
});
export type RetiredSigningKey = z.infer<typeof retiredKeySchema>;

export interface PublicJwk {
  kty: "EC";
  crv: "P-256";
  x: string;
  y: string;
  kid: string;
  alg: "ES256";
  use: "sig";
}

export function generateSigningKey(): StoredSigningKey {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const privateJwk = signingKeySchema.shape.privateJwk.parse(privateKey.export({ format: "jwk" }));
  return { kid: thumbprint(privateJwk.x, privateJwk.y), privateJwk };
}

/** RFC 7638 thumbprint: a stable kid derived from the public key itself. */
function thumbprint(x: string, y: string): string {
  const canonical = JSON.stringify({ crv: "P-256", kty: "EC", x, y });
  return createHash("sha256").update(canonical).digest("base64url");
}

/** The key objects jose signs and verifies with, built once per stored key. */
export class KeyRing {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;

  constructor(readonly stored: StoredSigningKey) {
    this.privateKey = createPrivateKey({ key: stored.privateJwk, format: "jwk" });
    this.publicKey = createPublicKey(this.privateKey);
  }

  get kid(): string {
    return this.stored.kid;
  }

  publicJwk(): PublicJwk {
    const { x, y } = this.stored.privateJwk;
    return { kty: "EC", crv: "P-256", x, y, kid: this.stored.kid, alg: "ES256", use: "sig" };
  }
}
