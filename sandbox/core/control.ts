import { z } from "zod";
import type { Router, SandboxRequest } from "./http";
import { HttpError, sendJson } from "./http";
import type { SandboxContext, SandboxModule } from "./module";

/**
 * The control API shared by every part: reset, the virtual clock and the journal.
 * Parts add their own `/_sandbox/...` routes (faults, revocation, interview lifecycle).
 */
export function mountControlRoutes(
  router: Router,
  context: SandboxContext,
  modules: SandboxModule[],
) {
  router.on("POST", "/_sandbox/reset", (_req, res) => {
    for (const part of modules) part.reset();
    context.clock.reset();
    context.journal.clear();
    context.markDirty();
    sendJson(res, 200, { ok: true });
  });

  router.on("GET", "/_sandbox/clock", (_req, res) => {
    sendJson(res, 200, clockView(context));
  });

  router.on("POST", "/_sandbox/clock/advance", async (req, res) => {
    const body = await readJson(req);
    const ms =
      numberField(body, "ms") ??
      (numberField(body, "seconds") ?? 0) * 1000 +
        (numberField(body, "minutes") ?? 0) * 60_000 +
        (numberField(body, "hours") ?? 0) * 3_600_000 +
        (numberField(body, "days") ?? 0) * 86_400_000;
    if (!Number.isFinite(ms) || ms < 0 || ms > 3650 * 86_400_000) {
      throw new HttpError(
        400,
        "Give a non-negative ms, seconds, minutes, hours or days (at most ten years)",
      );
    }
    context.clock.advance(ms);
    context.markDirty();
    sendJson(res, 200, clockView(context));
  });

  router.on("GET", "/_sandbox/journal", (req, res) => {
    const q = req.url.searchParams;
    const since = countParam(q.get("since"), "since");
    const limit = countParam(q.get("limit"), "limit");
    sendJson(res, 200, {
      entries: context.journal.query({
        kind: q.get("kind") ?? undefined,
        clientId: q.get("client_id") ?? undefined,
        grantType: q.get("grant_type") ?? undefined,
        operationName: q.get("operation") ?? undefined,
        since,
        limit: limit === undefined ? undefined : Math.min(limit, 10_000),
      }),
    });
  });
}

/** A non-negative whole number from the query string; absent is undefined, anything else a 400. */
function countParam(value: string | null, name: string): number | undefined {
  if (value === null || value === "") return undefined;
  if (!/^\d{1,15}$/.test(value))
    throw new HttpError(400, `${name} must be a non-negative whole number`);
  return Number(value);
}

function clockView(context: SandboxContext) {
  return { now: new Date(context.clock.now()).toISOString(), offsetMs: context.clock.offset };
}

/** Reads a small JSON object body; an empty body is `{}`. Bad JSON is a 400, never a crash. */
export async function readJson(req: SandboxRequest): Promise<Record<string, unknown>> {
  const text = (await req.body(64 * 1024)).toString("utf8").trim();
  if (text === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, "Expected a JSON object body");
}

/** Checks a control-API body against `schema`; a mismatch is a 400 listing zod's reasons. */
export function checkBody<T extends z.ZodType>(body: unknown, schema: T): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, z.prettifyError(parsed.error));
  return parsed.data;
}

/** A JSON control-API body checked against `schema`. */
export async function readJsonBody<T extends z.ZodType>(
  req: SandboxRequest,
  schema: T,
): Promise<z.infer<T>> {
  return checkBody(await readJson(req), schema);
}

function numberField(body: Record<string, unknown>, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number") throw new HttpError(400, `${key} must be a number`);
  return value;
}
