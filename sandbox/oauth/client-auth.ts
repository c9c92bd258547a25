import type { SandboxRequest } from "../core/http";
import { OAuthError, invalidGrant, invalidRequest } from "./errors";
import type { OAuthClient, OAuthStore } from "./store";
import { sameSecret } from "./tokens";

/** What a failed client authentication answers; see sandbox/README.md for the choice. */
export type ClientAuthFailure = "invalid_grant" | "invalid_client";

/** The client id a request claims (body or Basic), for the journal; no secret is read here. */
export function claimedClientId(
  req: SandboxRequest,
  form: Map<string, string>,
): string | undefined {
  const basic = parseBasic(req);
  const id = basic && "clientId" in basic ? basic.clientId : form.get("client_id");
  return id?.slice(0, 200);
}

type Basic = { clientId: string; secret: string } | { malformed: true } | null;

function parseBasic(req: SandboxRequest): Basic {
  const header = req.headers.authorization;
  if (typeof header !== "string") return null;
  const match = /^Basic\s+([A-Za-z0-9+/]+=*)\s*$/i.exec(header);
  if (!match?.[1]) return { malformed: true };
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return { malformed: true };
  try {
    // RFC 6749 §2.3.1: both halves are form-urlencoded before being joined.
    const formDecode = (part: string) => decodeURIComponent(part.replaceAll("+", " "));
    return {
      clientId: formDecode(decoded.slice(0, colon)),
      secret: formDecode(decoded.slice(colon + 1)),
    };
  } catch {
    return { malformed: true };
  }
}

/**
 * Authenticates the client by HTTP Basic or by `client_id` + `client_secret` in the body
 * (exactly one of the two). An unknown client or a wrong secret answers `onFailure`.
 */
export function authenticateClient(
  req: SandboxRequest,
  form: Map<string, string>,
  store: OAuthStore,
  onFailure: ClientAuthFailure,
): OAuthClient {
  const basic = parseBasic(req);
  if (basic && "malformed" in basic) {
    throw invalidRequest(
      "The Authorization header must be HTTP Basic with the client id and secret",
    );
  }
  if (basic && form.has("client_secret")) {
    throw invalidRequest(
      "Authenticate the client one way only: HTTP Basic or client_secret in the body",
    );
  }
  if (basic && form.has("client_id") && form.get("client_id") !== basic.clientId) {
    throw invalidRequest(
      "The client_id in the body differs from the one in the Authorization header",
    );
  }
  const clientId = basic?.clientId ?? form.get("client_id");
  const secret = basic?.secret ?? form.get("client_secret");
  if (clientId === undefined || clientId === "") {
    throw new OAuthError(
      "invalid_client",
      "Client authentication is missing: send client_id and client_secret",
      401,
      "no client credentials",
      "invalid_client",
      { "WWW-Authenticate": 'Basic realm="indeed-sandbox"' },
    );
  }
  const client = store.clients.get(clientId);
  // Any current secret works (two during a rotation); a deleted one is just wrong.
  const ok =
    client !== undefined &&
    secret !== undefined &&
    client.secrets.map((s) => sameSecret(secret, s.value)).includes(true);
  if (client && ok) return client;
  const why = client
    ? secret === undefined
      ? "client_secret missing"
      : "wrong or deleted client secret"
    : "unknown client id";
  if (onFailure === "invalid_grant") throw invalidGrant(why);
  throw new OAuthError(
    "invalid_client",
    "Client authentication failed",
    401,
    why,
    "invalid_client",
    {
      "WWW-Authenticate": 'Basic realm="indeed-sandbox"',
    },
  );
}
