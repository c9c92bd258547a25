// Test helper: an OAuth issuer of our own (discovery, JWKS, token endpoint) whose token answers
// carry the ID token each test signs: a forged signature, another sub, iss or aud, an expired
// one, or a JWKS that is down. Used by integration tests only.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import type { IndeedOAuthSettings } from "./indeed-oauth";

export interface FakeIssuer {
  url: string;
  settings: IndeedOAuthSettings;
  /** The published key (ES256), its private half and its kid. */
  signingKey: CryptoKey;
  publicJwk: JWK;
  publishedKid: string;
  /** What the next token answer carries. */
  nextIdToken: string;
  nextScope: string | undefined;
  jwksStatus: number;
  /** The form of every token request, in order. */
  tokenRequests: URLSearchParams[];
  /** An ID token signed with the published key; `claims` override the defaults. */
  idToken(claims?: Record<string, unknown>, key?: CryptoKey): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeIssuer(): Promise<FakeIssuer> {
  const { publicKey, privateKey } = await generateKeyPair("ES256");
  const publishedKid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: publishedKid, alg: "ES256", use: "sig" };
  let issued = 0;
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/.well-known/openid-configuration") {
      send(200, {
        issuer: fake.url,
        authorization_endpoint: `${fake.url}/authorize`,
        token_endpoint: `${fake.url}/token`,
        jwks_uri: `${fake.url}/jwks`,
        id_token_signing_alg_values_supported: ["ES256"],
      });
    } else if (req.url === "/jwks") {
      send(fake.jwksStatus, fake.jwksStatus === 200 ? { keys: [jwk] } : { error: "down" });
    } else if (req.url === "/token" && req.method === "POST") {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        fake.tokenRequests.push(new URLSearchParams(body));
        issued += 1;
        send(200, {
          access_token: `access-${issued}`,
          token_type: "Bearer",
          expires_in: 3600,
          refresh_token: `refresh-${issued}`,
          ...(fake.nextScope === undefined ? {} : { scope: fake.nextScope }),
          id_token: fake.nextIdToken,
        });
      });
    } else {
      send(404, {});
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeIssuer = {
    url,
    settings: { issuer: url, clientId: "lobby-local", clientSecret: "secret", sandbox: true },
    signingKey: privateKey,
    publicJwk: jwk,
    publishedKid,
    nextIdToken: "",
    nextScope: undefined,
    jwksStatus: 200,
    tokenRequests: [],
    idToken(claims = {}, key = privateKey) {
      return new SignJWT({ sub: "user:42", name: "Pat", ...claims })
        .setProtectedHeader({ alg: "ES256", kid: publishedKid })
        .setIssuer(typeof claims.iss === "string" ? claims.iss : url)
        .setAudience(typeof claims.aud === "string" ? claims.aud : "lobby-local")
        .setIssuedAt()
        .setExpirationTime(typeof claims.exp === "number" ? claims.exp : "10m")
        .sign(key);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return fake;
}
