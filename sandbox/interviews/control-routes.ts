import type { ServerResponse } from "node:http";
import { z } from "zod";
import { readJsonBody } from "../core/control";
import { HttpError, redirect, sendJson, type Router, type SandboxRequest } from "../core/http";
import type { SandboxContext } from "../core/module";
import type { OAuthApi } from "../oauth/api";
import { ApiError } from "./api-error";
import { ACCESS_MODES, SCHEMA_MODES } from "./api-modes";
import { isFormPost, readControlBody } from "./control-body";
import { DECISION_VALUES, RECORDING_MODES, type StoredEvent } from "./event-model";
import { graphqlFaultSchema, type GraphqlFaults } from "./graphql-faults";
import { formatDateTime, parseDateTime } from "./input-rules";
import type { InterviewService } from "./interview-service";
import type { Notification } from "./outbox";
import type { RateLimiter } from "./rate-limit";
import { decodeEventId, encodeEventId } from "./resource-id";
import { generateSyntheticEvents } from "./synthetic-events";

export interface ControlDeps {
  context: SandboxContext;
  oauth: OAuthApi;
  service: InterviewService;
  limiter: RateLimiter;
  faults: GraphqlFaults;
}

const isoTime = z.string().transform((value, ctx) => {
  try {
    return parseDateTime(value, "time");
  } catch (error) {
    ctx.addIssue({
      code: "custom",
      message: error instanceof Error ? error.message : "invalid time",
    });
    return z.NEVER;
  }
});

const createSchema = z.object({
  employerId: z.string().max(200),
  /** Id or email of the sandbox user who schedules it; defaults to the employer's first member. */
  organizer: z.string().max(320).optional(),
  /** A fixed uuid (e.g. the guide's example ids). */
  uuid: z.uuid().optional(),
  title: z.string().max(1000),
  startTime: isoTime,
  endTime: isoTime,
  timezone: z.string().max(100).default("UTC"),
  interviewers: z.array(z.string().max(320)).max(100).default([]),
  interviewee: z.object({ name: z.string().max(1000), email: z.string().max(320) }).optional(),
  atsName: z.string().max(1000).default("Lobby"),
  employerName: z.string().max(1000).optional(),
  languageCode: z.string().max(10).optional(),
  countryCode: z.string().max(10).optional(),
});

const bulkSchema = z.object({
  employerId: z.string().max(200),
  count: z.number().int().min(1).max(200_000),
  /** First day of the spread (default: now); events are spread over `days` days. */
  from: isoTime.optional(),
  days: z.number().int().min(1).max(3650).default(365),
});

const sessionSchema = z.object({
  recording: z.enum(RECORDING_MODES).default("available"),
  durationMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  processingMinutes: z.coerce
    .number()
    .min(0)
    .max(7 * 24 * 60)
    .optional(),
  endedAt: isoTime.optional(),
  /** Who joined, by email (default: every interviewer); only they may watch the recording. */
  interviewers: z.array(z.string().max(320)).min(1).max(49).optional(),
});

const schemaModeSchema = z.object({ mode: z.enum(SCHEMA_MODES) });
const accessModeSchema = z.object({ mode: z.enum(ACCESS_MODES) });

const decisionSchema = z.object({
  recordId: z.string().max(200).optional(),
  interviewerEmail: z.string().max(320),
  value: z.enum(DECISION_VALUES),
  noteText: z.string().max(2000).optional(),
});

const settingsSchema = z.object({
  reminderLeadMinutes: z
    .number()
    .min(0)
    .max(7 * 24 * 60)
    .optional(),
  recordingProcessingMinutes: z
    .number()
    .min(0)
    .max(7 * 24 * 60)
    .optional(),
  recordingRetentionDays: z.number().min(0).max(3650).optional(),
});

/** Which armed faults to clear: one operation's (`"*"` is the wildcard one), or all of them. */
const clearFaultsSchema = z.object({ operationName: z.string().max(200).optional() });

const rateLimitSchema = z.object({
  budget: z.number().int().min(1).max(10_000_000).optional(),
  windowSeconds: z.number().int().min(1).max(86_400).optional(),
  queryCost: z.number().int().min(0).max(10_000).optional(),
  mutationCost: z.number().int().min(0).max(10_000).optional(),
  /** Forget what clients have spent so far. */
  resetUsage: z.boolean().optional(),
});

/** An event by uuid or opaque id, whatever employer; 404 otherwise. */
export function eventFromParam(service: InterviewService, id: string): StoredEvent {
  const uuid = decodeEventId(id);
  const event = uuid ? service.store.get(uuid) : undefined;
  if (!event) throw new HttpError(404, "No such event");
  return event;
}

/** Turns a rule the domain enforces into a 409 the control API can show. */
function asConflict<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ApiError) throw new HttpError(409, error.message);
    throw error;
  }
}

function afterPost(
  req: SandboxRequest,
  res: ServerResponse,
  event: StoredEvent,
  json: unknown,
): void {
  if (isFormPost(req))
    redirect(res, `/_sandbox/events/${event.uuid}`, { "Cache-Control": "no-store" });
  else sendJson(res, 201, json);
}

/** The control API of the Interview API half: events, sessions, decisions, settings, faults. */
export function mountInterviewControlRoutes(router: Router, deps: ControlDeps): void {
  const { context, oauth, service, limiter, faults } = deps;

  router.on("POST", "/_sandbox/events", async (req, res) => {
    const body = await readControlBody(req, createSchema);
    const employer = oauth.employer(body.employerId);
    if (!employer) throw new HttpError(400, `No employer "${body.employerId}"`);
    const organizer = body.organizer
      ? (oauth.user(body.organizer) ?? oauth.userByEmail(body.organizer))
      : oauth.users().find((u) => u.employerIds.includes(employer.id));
    if (!organizer) throw new HttpError(400, "Give `organizer`: a sandbox user id or email");
    const event = asConflict(() =>
      service.createEvent(
        {
          userId: organizer.id,
          email: organizer.email.toLowerCase(),
          employerId: employer.id,
          clientId: "sandbox-control",
        },
        {
          startTime: body.startTime,
          endTime: body.endTime,
          title: body.title,
          timezone: body.timezone,
          interviewers: body.interviewers.map((email) => ({ email })),
          interviewee: body.interviewee ?? null,
          requestMetadata: {
            atsName: body.atsName,
            employerName: body.employerName ?? employer.name,
          },
          languageCode: body.languageCode ?? null,
          countryCode: body.countryCode ?? null,
        },
        { allowPast: true, uuid: body.uuid },
      ),
    );
    context.markDirty();
    sendJson(res, 201, eventJson(service, event));
  });

  router.on("POST", "/_sandbox/events/bulk", async (req, res) => {
    const body = await readControlBody(req, bulkSchema);
    const employer = oauth.employer(body.employerId);
    if (!employer) throw new HttpError(400, `No employer "${body.employerId}"`);
    const organizer = oauth.users().find((u) => u.employerIds.includes(employer.id));
    const started = performance.now();
    const events = generateSyntheticEvents({
      employerId: employer.id,
      organizerUserId: organizer?.id ?? "sandbox-bulk",
      organizerEmail: organizer?.email.toLowerCase() ?? "bulk@sandbox.invalid",
      count: body.count,
      fromMs: body.from ?? context.clock.now(),
      days: body.days,
      now: context.clock.now(),
    });
    service.addSynthetic(events);
    context.markDirty();
    sendJson(res, 201, {
      employerId: employer.id,
      created: events.length,
      total: service.store.employerEvents(employer.id).byStart.length,
      ms: Math.round(performance.now() - started),
    });
  });

  router.on("POST", "/_sandbox/events/:id/sessions", async (req, res, params) => {
    const event = eventFromParam(service, params.id ?? "");
    const body = await readControlBody(req, sessionSchema);
    const session = asConflict(() =>
      service.conductSession(event, {
        recording: body.recording,
        endedAt: body.endedAt,
        durationMs: body.durationMinutes === undefined ? undefined : body.durationMinutes * 60_000,
        processingMs:
          body.processingMinutes === undefined ? undefined : body.processingMinutes * 60_000,
        interviewerEmails: body.interviewers,
      }),
    );
    context.markDirty();
    afterPost(req, res, event, sessionJson(service, session));
  });

  router.on("POST", "/_sandbox/events/:id/decisions", async (req, res, params) => {
    const event = eventFromParam(service, params.id ?? "");
    const body = await readControlBody(req, decisionSchema);
    const session = asConflict(() =>
      service.decide(event, {
        recordUuid: body.recordId,
        interviewerEmail: body.interviewerEmail,
        value: body.value,
        noteText: body.noteText ?? null,
      }),
    );
    context.markDirty();
    afterPost(req, res, event, sessionJson(service, session));
  });

  router.on("GET", "/_sandbox/notifications", (req, res) => {
    service.catchUp();
    const q = req.url.searchParams;
    const eventId = q.get("eventId");
    const uuid = eventId === null ? null : decodeEventId(eventId);
    if (eventId !== null && !uuid) throw new HttpError(400, "eventId is not an event id");
    const to = q.get("to")?.toLowerCase();
    const kind = q.get("kind");
    const source = uuid ? service.outbox.forEvent(uuid) : service.outbox.recent(1000).reverse();
    const notifications = source
      .filter((n) => (!to || n.to === to) && (!kind || n.kind === kind))
      .map(notificationJson);
    sendJson(res, 200, { notifications });
  });

  router.on("GET", "/_sandbox/schema", (_req, res) => {
    sendJson(res, 200, { mode: service.modes.schema });
  });

  router.on("POST", "/_sandbox/schema", async (req, res) => {
    const body = await readJsonBody(req, schemaModeSchema);
    service.modes.schema = body.mode;
    sendJson(res, 200, { mode: service.modes.schema });
  });

  router.on("GET", "/_sandbox/access", (_req, res) => {
    sendJson(res, 200, { mode: service.modes.access });
  });

  router.on("POST", "/_sandbox/access", async (req, res) => {
    const body = await readJsonBody(req, accessModeSchema);
    service.modes.access = body.mode;
    sendJson(res, 200, { mode: service.modes.access });
  });

  router.on("GET", "/_sandbox/interviews/settings", (_req, res) => {
    sendJson(res, 200, settingsJson(service));
  });

  router.on("POST", "/_sandbox/interviews/settings", async (req, res) => {
    const body = await readControlBody(req, settingsSchema);
    const s = service.settings;
    if (body.reminderLeadMinutes !== undefined)
      s.reminderLeadMs = body.reminderLeadMinutes * 60_000;
    if (body.recordingProcessingMinutes !== undefined)
      s.recordingProcessingMs = body.recordingProcessingMinutes * 60_000;
    if (body.recordingRetentionDays !== undefined)
      s.recordingRetentionMs = body.recordingRetentionDays * 86_400_000;
    context.markDirty();
    sendJson(res, 200, settingsJson(service));
  });

  router.on("GET", "/_sandbox/faults/graphql", (_req, res) => {
    sendJson(res, 200, { faults: faults.list() });
  });

  router.on("POST", "/_sandbox/faults/graphql", async (req, res) => {
    const fault = await readControlBody(req, graphqlFaultSchema);
    faults.set(fault);
    sendJson(res, 200, { faults: faults.list() });
  });

  router.on("POST", "/_sandbox/faults/graphql/clear", async (req, res) => {
    const body = await readControlBody(req, clearFaultsSchema);
    faults.delete(body.operationName);
    sendJson(res, 200, { faults: faults.list() });
  });

  router.on("GET", "/_sandbox/ratelimit/graphql", (_req, res) => {
    sendJson(res, 200, rateLimitJson(limiter, context));
  });

  router.on("POST", "/_sandbox/ratelimit/graphql", async (req, res) => {
    const body = await readControlBody(req, rateLimitSchema);
    const s = limiter.settings;
    if (body.budget !== undefined) s.budget = body.budget;
    if (body.windowSeconds !== undefined) s.windowMs = body.windowSeconds * 1000;
    if (body.queryCost !== undefined) s.queryCost = body.queryCost;
    if (body.mutationCost !== undefined) s.mutationCost = body.mutationCost;
    if (body.resetUsage) limiter.clear();
    sendJson(res, 200, rateLimitJson(limiter, context));
  });
}

function settingsJson(service: InterviewService) {
  const s = service.settings;
  return {
    reminderLeadMinutes: s.reminderLeadMs / 60_000,
    recordingProcessingMinutes: s.recordingProcessingMs / 60_000,
    recordingRetentionDays: s.recordingRetentionMs / 86_400_000,
  };
}

function rateLimitJson(limiter: RateLimiter, context: SandboxContext) {
  const s = limiter.settings;
  return {
    budget: s.budget,
    windowSeconds: s.windowMs / 1000,
    queryCost: s.queryCost,
    mutationCost: s.mutationCost,
    usage: limiter.usage(context.clock.now()),
  };
}

export function notificationJson(n: Notification) {
  return {
    ...n,
    recordingUrl: n.recordingUrl ?? null,
    at: new Date(n.at).toISOString(),
    eventId: encodeEventId(n.eventUuid),
  };
}

export function sessionJson(service: InterviewService, session: StoredEvent["sessions"][number]) {
  return {
    recordId: session.uuid,
    startedAt: formatDateTime(session.startedAt),
    endedAt: formatDateTime(session.endedAt),
    recording: session.recording,
    recordingState: service.recordingState(session),
    recordingReadyAt:
      session.recording === "available" ? formatDateTime(session.recordingReadyAt) : null,
    recordingUrl: service.recordingUrl(session),
    decisions: session.decisions.map((d) => ({ ...d, decidedAt: formatDateTime(d.decidedAt) })),
    interviewers: session.interviewerEmails ?? null,
    recordingMailSentAt:
      session.recordingMailSentAt === undefined || session.recordingMailSentAt === null
        ? null
        : formatDateTime(session.recordingMailSentAt),
  };
}

/** Everything the sandbox knows about an event, for tests and the event page's JSON form. */
export function eventJson(service: InterviewService, event: StoredEvent) {
  service.catchUp();
  return {
    id: encodeEventId(event.uuid),
    uuid: event.uuid,
    employerId: event.employerId,
    status: event.status,
    title: event.title,
    startTime: formatDateTime(event.startMs),
    endTime: formatDateTime(event.endMs),
    timezone: event.timezone,
    languageCode: event.languageCode,
    countryCode: event.countryCode,
    interviewers: event.interviewers.map((i) => service.person(i.email)),
    interviewee: event.interviewee && {
      name: event.interviewee.name,
      email: event.interviewee.email,
    },
    requestMetadata: event.requestMetadata,
    interviewerLobbyUrl: service.lobbyUrl(event, "interviewer"),
    intervieweeLobbyUrl: event.interviewee ? service.lobbyUrl(event, "interviewee") : null,
    createdBy: { userId: event.createdByUserId, clientId: event.createdByClientId },
    createdAt: formatDateTime(event.createdAt),
    updatedAt: formatDateTime(event.updatedAt),
    canceledAt: event.canceledAt === null ? null : formatDateTime(event.canceledAt),
    termsNotices: service.termsNotices(event),
    sessions: event.sessions.map((s) => sessionJson(service, s)),
    notifications: service.outbox.forEvent(event.uuid).map(notificationJson),
  };
}
