import type { ServerResponse } from "node:http";
import { type Router, type SandboxRequest, sendJson } from "../core/http";
import { authenticateClient, claimedClientId } from "./client-auth";
import { OAuthError, invalidGrant, invalidRequest, sendOAuthError } from "./errors";
import { FormError, readForm } from "./form-body";
import type { OAuthRuntime } from "./runtime";
import { type GrantType, GRANT_TYPES } from "./store";
import {
  authorizationCodeGrant,
  clientCredentialsGrant,
  type GrantResult,
  refreshTokenGrant,
} from "./token-grants";

const GRANT_HANDLERS: Record<
  GrantType,
  (
    rt: OAuthRuntime,
    client: Parameters<typeof authorizationCodeGrant>[1],
    form: Map<string, string>,
  ) => Promise<GrantResult>
> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
};

function isGrantType(value: string): value is GrantType {
  return GRANT_TYPES.some((type) => type === value);
}

/** Reads the token request body; the guide forbids parameters in the URL's query string. */
export async function readTokenForm(req: SandboxRequest): Promise<Map<string, string>> {
  if (req.url.search !== "") {
    throw invalidRequest(
      "Parameters must be sent in the request body (application/x-www-form-urlencoded), not in the URL query string",
    );
  }
  try {
    return await readForm(req);
  } catch (error) {
    if (error instanceof FormError)
      throw new OAuthError("invalid_request", error.message, error.status);
    throw error;
  }
}

/** `POST /oauth/v2/tokens`: the three grants, Indeed's error table, and the injectable faults. */
export function mountTokenEndpoint(router: Router, rt: OAuthRuntime) {
  router.on("POST", "/oauth/v2/tokens", async (req, res) => {
    req.note.kind = "oauth.token";
    try {
      await handleTokenRequest(req, res, rt);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      req.note.outcome = error.outcome;
      if (error.detail) req.note.detail = error.detail;
      sendOAuthError(res, error);
    }
  });
}

async function handleTokenRequest(
  req: SandboxRequest,
  res: ServerResponse,
  rt: OAuthRuntime,
): Promise<void> {
  const form = await readTokenForm(req);
  const grantType = form.get("grant_type");
  req.note.grantType = grantType?.slice(0, 64);
  req.note.clientId = claimedClientId(req, form);

  const injected = rt.faults.take("error");
  if (injected) {
    req.note.outcome = "fault-error";
    sendJson(res, injected.status, {
      error: injected.error,
      error_description: "Fault injected through the sandbox control API",
    });
    return;
  }
  const slow = rt.faults.take("slow");
  if (slow) await new Promise((resolve) => setTimeout(resolve, slow.delayMs));

  if (grantType === undefined || grantType === "")
    throw invalidRequest("The grant_type parameter is missing");
  if (!isGrantType(grantType)) {
    throw new OAuthError(
      "unsupported_grant_type",
      `grant_type must be one of: ${GRANT_TYPES.join(", ")}`,
      400,
      "unsupported grant_type",
    );
  }
  const client = authenticateClient(req, form, rt.store, "invalid_grant");
  if (!client.grantTypes.includes(grantType))
    throw invalidGrant(`the ${grantType} grant type is not enabled for this client`);

  const result = await GRANT_HANDLERS[grantType](rt, client, form);
  req.note.grantId = result.grantId;
  req.note.outcome = "ok";
  rt.context.markDirty();

  if (grantType === "refresh_token" && rt.faults.take("drop-after-rotate")) {
    // The refresh happened and is stored; the client just never hears about it.
    req.note.outcome = "dropped-after-rotate";
    res.destroy();
    return;
  }
  sendJson(res, 200, result.body, { Pragma: "no-cache" });
}
