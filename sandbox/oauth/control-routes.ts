import { randomUUID } from "node:crypto";
import { z } from "zod";
import { readJsonBody } from "../core/control";
import { HttpError, type Router, sendJson } from "../core/http";
import { tokenFaultSchema } from "./faults";
import type { OAuthRuntime } from "./runtime";
import { APP_SCOPES, isScope, splitScopes } from "./scopes";
import { MAX_CLIENT_SECRETS, ROTATION_MODES, type Grant, type OAuthClient } from "./store";
import { randomSecret } from "./tokens";

const DEFAULT_USER_SCOPES = "email employer_access offline_access interviews.schedule";

const mintSchema = z.object({
  grant_type: z.enum(["authorization_code", "client_credentials"]).default("authorization_code"),
  client_id: z.string().max(200).default("lobby-local"),
  /** A user id or email; required unless grant_type is client_credentials. */
  user: z.string().max(320).optional(),
  /** Omitted: the user's first employer; null: no employer. */
  employer: z.string().max(200).nullable().optional(),
  scope: z.union([z.string().max(1000), z.array(z.string().max(100)).max(20)]).optional(),
  /** The ID token's `nonce`, as if the authorize request had carried it. */
  nonce: z.string().min(1).max(500).optional(),
});

/** A new client secret: given (tests, demos) or random. */
const addSecretSchema = z.object({ secret: z.string().min(16).max(200).optional() });

const modeSchema = z.object({
  rotation: z.enum(ROTATION_MODES).optional(),
  graceSeconds: z.number().int().min(0).max(86_400).optional(),
  refreshWithoutEmployer: z.enum(["drop", "keep"]).optional(),
});

/** The OAuth half's `/_sandbox/...` routes: mint tokens, inspect and revoke grants, modes, faults. */
export function mountOAuthControlRoutes(router: Router, rt: OAuthRuntime) {
  const { store, tokens, faults, context } = rt;

  router.on("POST", "/_sandbox/oauth/tokens", async (req, res) => {
    req.note.kind = "sandbox.oauth.mint";
    const body = await readJsonBody(req, mintSchema);
    const client = store.clients.get(body.client_id);
    if (!client) throw new HttpError(400, `No client "${body.client_id}"`);
    req.note.clientId = client.id;
    const scopes = typeof body.scope === "string" ? splitScopes(body.scope) : (body.scope ?? null);
    const unknown = (scopes ?? []).filter((s) => !isScope(s));
    if (unknown.length > 0) throw new HttpError(400, `Unknown scope: ${unknown.join(", ")}`);

    if (body.grant_type === "client_credentials") {
      const employerId = body.employer ?? null;
      if (employerId !== null && !client.employerIds.includes(employerId)) {
        throw new HttpError(400, `Client ${client.id} cannot act for employer "${employerId}"`);
      }
      const appScopes = scopes ?? ["employer_access"];
      if (appScopes.some((s) => !APP_SCOPES.some((allowed) => allowed === s))) {
        throw new HttpError(400, `An app token can carry only: ${APP_SCOPES.join(", ")}`);
      }
      sendJson(res, 200, await tokens.issueAppToken(client, appScopes, employerId));
      return;
    }

    const user = body.user === undefined ? undefined : findUser(rt, body.user);
    if (!user) throw new HttpError(400, "Give `user`: the id or email of a seeded user");
    const employerId = body.employer === undefined ? (user.employerIds[0] ?? null) : body.employer;
    if (employerId !== null && !user.employerIds.includes(employerId)) {
      throw new HttpError(400, `${user.name} is not a member of employer "${employerId}"`);
    }
    const grantScopes = scopes ?? splitScopes(DEFAULT_USER_SCOPES);
    const grant = store.addGrant(
      { clientId: client.id, userId: user.id, employerId, scopes: grantScopes },
      context.clock.now(),
    );
    req.note.grantId = grant.id;
    const withRefresh = grantScopes.includes("offline_access");
    sendJson(
      res,
      200,
      await tokens.issueForGrant(grant, {
        employerId,
        refresh: { kind: withRefresh ? "new" : "none" },
        nonce: body.nonce ?? null,
      }),
    );
  });

  router.on("GET", "/_sandbox/oauth/grants", (req, res) => {
    const userFilter = req.url.searchParams.get("user");
    const clientFilter = req.url.searchParams.get("client_id");
    const user = userFilter === null ? undefined : findUser(rt, userFilter);
    const grants = [...store.grants.values()].filter(
      (g) =>
        (userFilter === null || g.userId === user?.id) &&
        (clientFilter === null || g.clientId === clientFilter),
    );
    sendJson(res, 200, { grants: grants.map((g) => grantView(rt, g)) });
  });

  router.on("POST", "/_sandbox/oauth/grants/:id/revoke", (req, res, params) => {
    const grant = store.grants.get(params.id ?? "");
    if (!grant) throw new HttpError(404, "No such grant");
    store.revokeGrant(grant, context.clock.now(), "revoked through the control API");
    context.markDirty();
    sendJson(res, 200, grantView(rt, grant));
  });

  router.on("POST", "/_sandbox/users/:id/revoke", (req, res, params) => {
    const user = findUser(rt, params.id ?? "");
    if (!user) throw new HttpError(404, "No such user");
    const clientFilter = req.url.searchParams.get("client_id");
    let revoked = 0;
    for (const grant of store.grants.values()) {
      if (grant.userId !== user.id || grant.revokedAt !== null) continue;
      if (clientFilter !== null && grant.clientId !== clientFilter) continue;
      store.revokeGrant(grant, context.clock.now(), "the user revoked the app's access");
      revoked += 1;
    }
    context.markDirty();
    sendJson(res, 200, { userId: user.id, revokedGrants: revoked });
  });

  router.on("POST", "/_sandbox/oauth/keys/rotate", (req, res) => {
    req.note.kind = "sandbox.oauth.rotate-key";
    const rotated = tokens.rotateKeys();
    sendJson(res, 200, {
      kid: rotated.kid,
      previousKid: rotated.previousKid,
      previousPublishedUntil: new Date(rotated.previousPublishedUntil).toISOString(),
      keys: tokens.publishedKeys().map((ring) => ring.kid),
    });
  });

  // Secret rotation as on Indeed's "Manage app credentials": add a second secret, move every
  // credential store to it, delete the original. A request still sending the deleted secret
  // then fails with invalid_grant, as the guide's table says.
  router.on("GET", "/_sandbox/oauth/clients/:id/secrets", (_req, res, params) => {
    const client = store.clients.get(params.id ?? "");
    if (!client) throw new HttpError(404, "No such client");
    sendJson(res, 200, secretsView(client));
  });

  router.on("POST", "/_sandbox/oauth/clients/:id/secrets", async (req, res, params) => {
    const client = store.clients.get(params.id ?? "");
    if (!client) throw new HttpError(404, "No such client");
    const body = await readJsonBody(req, addSecretSchema);
    if (client.secrets.length >= MAX_CLIENT_SECRETS) {
      throw new HttpError(
        409,
        `A client has at most ${MAX_CLIENT_SECRETS} secrets: delete one before adding another`,
      );
    }
    const secret = {
      id: `secret-${randomUUID()}`,
      value: body.secret ?? randomSecret(24),
      createdAt: context.clock.now(),
    };
    client.secrets.push(secret);
    context.markDirty();
    sendJson(res, 201, { ...secretsView(client), added: { id: secret.id, secret: secret.value } });
  });

  router.on("POST", "/_sandbox/oauth/clients/:id/secrets/:secretId/delete", (_req, res, params) => {
    const client = store.clients.get(params.id ?? "");
    if (!client) throw new HttpError(404, "No such client");
    const index = client.secrets.findIndex((s) => s.id === params.secretId);
    if (index < 0) throw new HttpError(404, "No such secret");
    if (client.secrets.length === 1) {
      throw new HttpError(409, "A client keeps at least one secret: add the new one first");
    }
    client.secrets.splice(index, 1);
    context.markDirty();
    sendJson(res, 200, secretsView(client));
  });

  router.on("GET", "/_sandbox/oauth/mode", (_req, res) => {
    sendJson(res, 200, store.settings);
  });

  router.on("POST", "/_sandbox/oauth/mode", async (req, res) => {
    const body = await readJsonBody(req, modeSchema);
    store.settings = {
      rotation: body.rotation ?? store.settings.rotation,
      graceSeconds: body.graceSeconds ?? store.settings.graceSeconds,
      refreshWithoutEmployer: body.refreshWithoutEmployer ?? store.settings.refreshWithoutEmployer,
    };
    context.markDirty();
    sendJson(res, 200, store.settings);
  });

  router.on("GET", "/_sandbox/faults/token", (_req, res) => {
    sendJson(res, 200, { fault: faults.current() });
  });

  router.on("POST", "/_sandbox/faults/token", async (req, res) => {
    const fault = await readJsonBody(req, tokenFaultSchema);
    faults.set(fault);
    sendJson(res, 200, { fault: faults.current() });
  });

  router.on("POST", "/_sandbox/faults/token/clear", (_req, res) => {
    faults.clear();
    sendJson(res, 200, { fault: null });
  });
}

/** A client's secrets, shown in full: it is a sandbox (the home page shows them too). */
function secretsView(client: OAuthClient) {
  return {
    clientId: client.id,
    secrets: client.secrets.map((s) => ({
      id: s.id,
      secret: s.value,
      createdAt: new Date(s.createdAt).toISOString(),
    })),
  };
}

function findUser(rt: OAuthRuntime, idOrEmail: string) {
  const needle = idOrEmail.toLowerCase();
  return (
    rt.store.users.get(idOrEmail) ??
    [...rt.store.users.values()].find((u) => u.email.toLowerCase() === needle)
  );
}

/** A grant as the control API shows it: ids, scopes, times and counts; never a token. */
function grantView(rt: OAuthRuntime, grant: Grant) {
  const now = rt.context.clock.now();
  const refresh = [...rt.store.refreshTokens.values()].filter((t) => t.grantId === grant.id);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: grant.id,
    clientId: grant.clientId,
    userId: grant.userId,
    employerId: grant.employerId,
    scopes: grant.scopes,
    createdAt: iso(grant.createdAt),
    revokedAt: iso(grant.revokedAt),
    revokedReason: grant.revokedReason,
    refreshTokens: {
      active: refresh.filter((t) => t.rotatedAt === null && t.expiresAt > now).length,
      rotated: refresh.filter((t) => t.rotatedAt !== null).length,
      expired: refresh.filter((t) => t.rotatedAt === null && t.expiresAt <= now).length,
    },
    accessTokens: [...rt.store.accessTokens.values()].filter(
      (t) => t.grantId === grant.id && t.expiresAt > now,
    ).length,
  };
}
