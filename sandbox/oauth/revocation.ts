import { type Router, sendJson } from "../core/http";
import { authenticateClient } from "./client-auth";
import { OAuthError, invalidRequest, sendOAuthError } from "./errors";
import type { OAuthRuntime } from "./runtime";
import { readTokenForm } from "./token-endpoint";
import { hashSecret } from "./tokens";

/**
 * `POST /oauth/v2/revoke` (RFC 7009). A refresh token ends its whole grant (every token of
 * that authorization); an access token ends just itself. Unknown tokens answer 200 too.
 */
export function mountRevocation(router: Router, rt: OAuthRuntime) {
  router.on("POST", "/oauth/v2/revoke", async (req, res) => {
    req.note.kind = "oauth.revoke";
    try {
      const form = await readTokenForm(req);
      // Indeed's guide says nothing about this endpoint, so RFC 7009's invalid_client (401) applies.
      const client = authenticateClient(req, form, rt.store, "invalid_client");
      req.note.clientId = client.id;
      const token = form.get("token");
      if (token === undefined || token === "")
        throw invalidRequest("The token parameter is missing");
      const now = rt.context.clock.now();

      const refresh = rt.store.refreshTokens.get(hashSecret(token));
      const grant = refresh ? rt.store.grants.get(refresh.grantId) : undefined;
      if (refresh && grant && refresh.clientId === client.id) {
        rt.store.revokeGrant(grant, now, "the client revoked a refresh token");
        req.note.grantId = grant.id;
        req.note.outcome = "revoked-grant";
      } else {
        const access = await rt.tokens.identifyAccessToken(token);
        const record = access ? rt.store.accessTokens.get(access.jti) : undefined;
        if (record && access?.clientId === client.id) {
          record.revokedAt ??= now;
          req.note.grantId = record.grantId ?? undefined;
          req.note.outcome = "revoked-access-token";
        } else {
          req.note.outcome = "unknown-token";
        }
      }
      rt.context.markDirty();
      sendJson(res, 200, {});
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      req.note.outcome = error.outcome;
      if (error.detail) req.note.detail = error.detail;
      sendOAuthError(res, error);
    }
  });
}
