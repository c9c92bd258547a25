import type { ServerResponse } from "node:http";
import { type Router, type SandboxRequest, sendJson } from "../core/http";
import type { AccessTokenClaims } from "./api";
import type { OAuthRuntime } from "./runtime";

/** RFC 6750 answer for a missing or bad bearer token. */
function sendBearerError(
  res: ServerResponse,
  status: 401 | 403,
  error: string,
  description: string,
) {
  sendJson(
    res,
    status,
    { error, error_description: description },
    {
      "WWW-Authenticate": `Bearer realm="indeed-sandbox", error="${error}", error_description="${description}"`,
    },
  );
}

export function bearerToken(req: SandboxRequest): string | null {
  const header = req.headers.authorization;
  const match =
    typeof header === "string" ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim()) : null;
  return match?.[1] ?? null;
}

async function authenticate(
  req: SandboxRequest,
  res: ServerResponse,
  rt: OAuthRuntime,
): Promise<AccessTokenClaims | null> {
  const token = bearerToken(req);
  const claims = token === null ? null : await rt.tokens.verifyAccessToken(token);
  if (!claims) {
    sendBearerError(
      res,
      401,
      "invalid_token",
      "The access token is missing, malformed, expired or revoked",
    );
    return null;
  }
  req.note.clientId = claims.clientId;
  req.note.grantId = claims.grantId ?? undefined;
  return claims;
}

/** `GET /v2/api/userinfo` (a person's token) and `GET /v2/api/appinfo` (an app token). */
export function mountUserInfo(router: Router, rt: OAuthRuntime) {
  router.on(["GET", "POST"], "/v2/api/userinfo", async (req, res) => {
    req.note.kind = "oauth.userinfo";
    const claims = await authenticate(req, res, rt);
    if (!claims) return;
    const user = rt.store.users.get(claims.userId);
    if (!user) {
      sendBearerError(
        res,
        403,
        "insufficient_scope",
        "userinfo needs a token issued to a person, not an app token",
      );
      return;
    }
    // The guide points 3-legged integrators here to list the employers they may pass as `employer`.
    const employers = claims.scopes.includes("employer_access")
      ? { employers: rt.store.userEmployers(user).map((e) => ({ id: e.id, name: e.name })) }
      : {};
    const email = claims.scopes.includes("email")
      ? { email: user.email, email_verified: user.emailVerified }
      : {};
    sendJson(res, 200, { sub: claims.sub, ...email, ...employers });
  });

  router.on("GET", "/v2/api/appinfo", async (req, res) => {
    req.note.kind = "oauth.appinfo";
    const claims = await authenticate(req, res, rt);
    if (!claims) return;
    const client = rt.store.clients.get(claims.clientId);
    if (!claims.sub.startsWith("app:") || !client) {
      sendBearerError(
        res,
        403,
        "insufficient_scope",
        "appinfo needs an app token from the client_credentials grant",
      );
      return;
    }
    const employers = client.employerIds.flatMap((id) => {
      const employer = rt.store.employers.get(id);
      return employer ? [{ id: employer.id, name: employer.name }] : [];
    });
    sendJson(res, 200, { employers });
  });
}
