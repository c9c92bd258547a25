import type { ServerResponse } from "node:http";
import { type Router, type SandboxRequest } from "../core/http";
import { sendPage } from "../core/page";
import { readPageForm, seeOther } from "./browser-form";
import { accountPage, consentPage, employerPage, errorPage } from "./pages";
import type { OAuthRuntime } from "./runtime";
import { isScope, SCOPES, splitScopes } from "./scopes";
import { ensureSession, readSession } from "./session";
import type { PendingAuthorization } from "./store";
import { CODE_LIFETIME_MS, hashSecret, randomSecret, sameSecret } from "./tokens";

const MAX_PARAM_LENGTH = 2048;
/** How long a person has to get through the account, employer and consent pages. */
const PENDING_LIFETIME_MS = 30 * 60_000;
const PROMPTS = new Set(["select_employer", "login"]);
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** The redirect back to the app, with `iss` (RFC 9207) so a client can spot a mix-up. */
function backToApp(
  rt: OAuthRuntime,
  redirectUri: string,
  params: Record<string, string | null | undefined>,
): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries({ ...params, iss: rt.context.issuer })) {
    if (value !== null && value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}

function requestPath(pending: PendingAuthorization): string {
  return `/oauth/v2/authorize/requests/${encodeURIComponent(pending.id)}`;
}

/**
 * Indeed's authorize endpoint and the pages behind it. A bad client or redirect_uri gets a
 * page (never a redirect: the URI is not trusted); every other problem goes back to the app.
 */
export function mountAuthorize(router: Router, rt: OAuthRuntime) {
  const { store, context } = rt;

  router.on("GET", "/oauth/v2/authorize", (req, res) => {
    req.note.kind = "oauth.authorize";
    const query = new Map<string, string>();
    const repeated = new Set<string>();
    for (const [name, value] of req.url.searchParams) {
      if (query.has(name)) repeated.add(name);
      query.set(name, value);
    }
    const clientId = query.get("client_id");
    const redirectUri = query.get("redirect_uri");
    req.note.clientId = clientId?.slice(0, 200);
    const client = clientId === undefined ? undefined : store.clients.get(clientId);
    const refuse = (message: string, details: string[] = []) => {
      req.note.outcome = "invalid_request_page";
      sendPage(res, 400, errorPage("This sign-in request is not valid", message, details));
    };
    if (repeated.has("client_id") || repeated.has("redirect_uri"))
      return refuse("client_id and redirect_uri may appear only once.");
    if (!clientId) return refuse("The client_id parameter is missing.");
    if (!client)
      return refuse(`No app is registered with the client id "${clientId.slice(0, 200)}".`);
    if (!redirectUri) return refuse("The redirect_uri parameter is missing.");
    if (!client.redirectUris.includes(redirectUri)) {
      return refuse(
        `The redirect_uri is not registered for ${client.name}; it must match one of these exactly:`,
        client.redirectUris,
      );
    }

    const state = query.get("state") ?? null;
    const fail = (error: string, description: string) => {
      req.note.outcome = error;
      seeOther(res, backToApp(rt, redirectUri, { error, error_description: description, state }));
    };
    if (repeated.size > 0)
      return fail("invalid_request", `The ${[...repeated][0]} parameter appears more than once`);
    const tooLong = [...query].find(([, value]) => value.length > MAX_PARAM_LENGTH);
    if (tooLong) return fail("invalid_request", `The ${tooLong[0]} parameter is too long`);
    if (!client.grantTypes.includes("authorization_code")) {
      return fail("unauthorized_client", "This app may not use the authorization code flow");
    }
    const responseType = query.get("response_type");
    if (!responseType) return fail("invalid_request", "The response_type parameter is missing");
    if (responseType !== "code")
      return fail("unsupported_response_type", "Only response_type=code is supported");

    const scopes = splitScopes(query.get("scope") ?? "");
    if (scopes.length === 0)
      return fail("invalid_scope", "The scope parameter is missing or empty");
    const unknown = scopes.filter((s) => !isScope(s));
    if (unknown.length > 0) return fail("invalid_scope", `Unknown scope: ${unknown.join(" ")}`);

    const prompts = splitScopes(query.get("prompt") ?? "");
    const badPrompt = prompts.find((p) => !PROMPTS.has(p));
    if (badPrompt)
      return fail(
        "invalid_request",
        `prompt=${badPrompt} is not supported (use select_employer or login)`,
      );
    const selectEmployer = prompts.includes("select_employer");
    if (selectEmployer && !scopes.includes("employer_access")) {
      return fail("invalid_request", "prompt=select_employer needs the employer_access scope");
    }

    const challenge = query.get("code_challenge") ?? null;
    const method = query.get("code_challenge_method");
    if (challenge === null && method !== undefined)
      return fail("invalid_request", "code_challenge_method without code_challenge");
    if (challenge !== null) {
      if (method !== "S256") return fail("invalid_request", "code_challenge_method must be S256");
      if (!S256_CHALLENGE.test(challenge))
        return fail("invalid_request", "code_challenge is not a base64url SHA-256 value");
    }

    const session = ensureSession(req, rt);
    const now = context.clock.now();
    const pending: PendingAuthorization = {
      id: randomSecret(18),
      sessionId: session.id,
      csrf: randomSecret(24),
      clientId: client.id,
      redirectUri,
      scopes,
      state,
      nonce: query.get("nonce") ?? null,
      codeChallenge: challenge,
      selectEmployer,
      // A remembered account skips the chooser, unless the app asked for prompt=login.
      userId: prompts.includes("login") ? null : session.session.userId,
      employerChosen: false,
      employerId: null,
      createdAt: now,
    };
    store.prune(now);
    store.pending.set(pending.id, pending);
    context.markDirty();
    req.note.outcome = "pending";
    seeOther(
      res,
      requestPath(pending),
      session.setCookie ? { "Set-Cookie": session.setCookie } : {},
    );
  });

  /** The pending request, if it belongs to this browser and is still fresh; else an error page is sent. */
  function pendingFor(
    req: SandboxRequest,
    res: ServerResponse,
    id: string,
  ): PendingAuthorization | null {
    const pending = store.pending.get(id);
    const session = readSession(req, rt);
    const fresh =
      pending !== undefined && context.clock.now() < pending.createdAt + PENDING_LIFETIME_MS;
    if (!pending || !session || pending.sessionId !== session.id || !fresh) {
      if (pending && !fresh) store.pending.delete(id);
      sendPage(
        res,
        400,
        errorPage(
          "This sign-in request has ended",
          "It expired, was already finished, or was started in another browser.",
        ),
      );
      return null;
    }
    return pending;
  }

  function renderStep(res: ServerResponse, pending: PendingAuthorization, problem?: string) {
    const client = store.clients.get(pending.clientId);
    const user = pending.userId === null ? undefined : store.users.get(pending.userId);
    const appName = client?.name ?? pending.clientId;
    const action = requestPath(pending);
    if (!user) {
      sendPage(
        res,
        200,
        accountPage({
          action,
          fields: { csrf: pending.csrf, step: "account" },
          appName,
          users: [...store.users.values()],
          employers: (id) => store.employers.get(id),
        }),
      );
      return;
    }
    if (pending.selectEmployer && !pending.employerChosen) {
      sendPage(
        res,
        problem ? 400 : 200,
        employerPage({
          action,
          csrf: pending.csrf,
          appName,
          user,
          employers: store.userEmployers(user),
          problem,
        }),
      );
      return;
    }
    sendPage(
      res,
      200,
      consentPage({
        action,
        csrf: pending.csrf,
        appName,
        user,
        employer:
          pending.employerId === null ? null : (store.employers.get(pending.employerId) ?? null),
        scopes: pending.scopes,
        redirectOrigin: new URL(pending.redirectUri).origin,
      }),
    );
  }

  router.on("GET", "/oauth/v2/authorize/requests/:id", (req, res, params) => {
    req.note.kind = "oauth.authorize";
    const pending = pendingFor(req, res, params.id ?? "");
    if (pending) renderStep(res, pending);
  });

  router.on("POST", "/oauth/v2/authorize/requests/:id", async (req, res, params) => {
    req.note.kind = "oauth.authorize";
    const pending = pendingFor(req, res, params.id ?? "");
    if (!pending) return;
    req.note.clientId = pending.clientId;
    const form = await readPageForm(req, res);
    if (!form) return;
    if (!sameSecret(form.get("csrf"), pending.csrf)) {
      req.note.outcome = "csrf-mismatch";
      sendPage(
        res,
        403,
        errorPage(
          "This form has expired",
          "The form's security token does not match this sign-in request.",
        ),
      );
      return;
    }
    const again = () => seeOther(res, requestPath(pending));
    const step = form.get("step");
    const user = pending.userId === null ? undefined : store.users.get(pending.userId);

    if (step === "account") {
      const chosen = store.users.get(form.get("user") ?? "");
      if (!chosen) return again();
      pending.userId = chosen.id;
      pending.employerChosen = false;
      pending.employerId = null;
      const session = store.sessions.get(pending.sessionId);
      if (session) session.userId = chosen.id;
      context.markDirty();
      return again();
    }
    if (step === "switch-account") {
      pending.userId = null;
      pending.employerChosen = false;
      pending.employerId = null;
      context.markDirty();
      return again();
    }
    if (!user) return again();

    if (step === "employer") {
      const employerId = form.get("employer");
      if (
        user.employerIds.length > 0 &&
        (employerId === undefined || !user.employerIds.includes(employerId))
      ) {
        return renderStep(res, pending, "Choose one of the employers listed.");
      }
      pending.employerId = user.employerIds.length > 0 ? (employerId ?? null) : null;
      pending.employerChosen = true;
      context.markDirty();
      return again();
    }

    if (step !== "consent" || (pending.selectEmployer && !pending.employerChosen)) return again();
    const decision = form.get("decision");
    if (decision !== "allow" && decision !== "deny") return again();
    store.pending.delete(pending.id);
    context.markDirty();
    if (decision === "deny") {
      req.note.outcome = "access_denied";
      return seeOther(
        res,
        backToApp(rt, pending.redirectUri, {
          error: "access_denied",
          error_description: "The user declined to authorize the app",
          state: pending.state,
        }),
      );
    }
    // Optional scopes stay only when their box was left ticked; the others are required.
    const granted = pending.scopes.filter(
      (s) => !isScope(s) || !SCOPES[s].optional || form.get(`grant_${s}`) === "on",
    );
    if (granted.length === 0) {
      req.note.outcome = "access_denied";
      return seeOther(
        res,
        backToApp(rt, pending.redirectUri, {
          error: "access_denied",
          error_description: "The user granted none of the requested scopes",
          state: pending.state,
        }),
      );
    }
    const now = context.clock.now();
    const grant = store.addGrant(
      {
        clientId: pending.clientId,
        userId: user.id,
        employerId: pending.employerId,
        scopes: granted,
      },
      now,
    );
    const code = randomSecret(32);
    store.codes.set(hashSecret(code), {
      grantId: grant.id,
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      codeChallenge: pending.codeChallenge,
      nonce: pending.nonce,
      employerId: pending.employerId,
      expiresAt: now + CODE_LIFETIME_MS,
      usedAt: null,
    });
    req.note.grantId = grant.id;
    req.note.outcome = "code-issued";
    seeOther(
      res,
      backToApp(rt, pending.redirectUri, {
        code,
        state: pending.state,
        employer: pending.employerId,
      }),
    );
  });
}
