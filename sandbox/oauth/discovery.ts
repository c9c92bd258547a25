import { type Router, sendJson } from "../core/http";
import type { OAuthRuntime } from "./runtime";
import { SCOPE_NAMES } from "./scopes";
import { GRANT_TYPES } from "./store";

/** OpenID discovery and the JWKS, on Indeed's paths. The issuer is the sandbox's own base URL. */
export function mountDiscovery(router: Router, rt: OAuthRuntime) {
  router.on("GET", "/.well-known/openid-configuration", (_req, res) => {
    const issuer = rt.context.issuer;
    sendJson(
      res,
      200,
      {
        issuer,
        authorization_endpoint: `${issuer}/oauth/v2/authorize`,
        token_endpoint: `${issuer}/oauth/v2/tokens`,
        userinfo_endpoint: `${issuer}/v2/api/userinfo`,
        jwks_uri: `${issuer}/.well-known/keys`,
        revocation_endpoint: `${issuer}/oauth/v2/revoke`,
        scopes_supported: SCOPE_NAMES,
        response_types_supported: ["code"],
        response_modes_supported: ["query"],
        grant_types_supported: GRANT_TYPES,
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
        revocation_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
        id_token_signing_alg_values_supported: ["ES256"],
        subject_types_supported: ["public"],
        prompt_values_supported: ["select_employer", "login"],
        claims_supported: [
          "iss",
          "sub",
          "aud",
          "iat",
          "exp",
          "nonce",
          "name",
          "email",
          "email_verified",
          "employers",
        ],
        authorization_response_iss_parameter_supported: true,
      },
      { "Cache-Control": "public, max-age=60" },
    );
  });

  router.on("GET", "/.well-known/keys", (_req, res) => {
    const keys = rt.tokens.publishedKeys().map((ring) => ring.publicJwk());
    sendJson(res, 200, { keys }, { "Cache-Control": "public, max-age=60" });
  });
}
