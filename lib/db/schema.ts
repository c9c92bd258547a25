import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Lobby's data. Everything an employer owns carries `employer_id` (Indeed's employer id), so
 * every query can be scoped to the employer of the signed-in connection.
 */

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A person who signed in with Indeed; keyed on (issuer, subject), never on email. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    email: text("email"),
    name: text("name"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_issuer_subject_key").on(t.issuer, t.subject)],
);

/** An Indeed employer account, as the ID token names it. */
export const employers = pgTable("employers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  advertiserId: text("advertiser_id"),
  /** The IANA zone the employer chose last when scheduling; the form's default. */
  defaultTimezone: text("default_timezone"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const EMPLOYER_ROLES = ["admin", "member"] as const;
export type EmployerRole = (typeof EMPLOYER_ROLES)[number];

/** Which employers a user may act for (from the ID token at sign-in), and in which role. */
export const employerMemberships = pgTable(
  "employer_memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    employerId: text("employer_id")
      .notNull()
      .references(() => employers.id, { onDelete: "cascade" }),
    /** `admin` sees the audit log, carries out erasure and grants the role (lib/auth/roles.ts). */
    role: text("role", { enum: EMPLOYER_ROLES }).notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.employerId] }),
    check("employer_memberships_role", sql`${t.role} in ('admin', 'member')`),
  ],
);

/**
 * A user's OAuth grant with Indeed. Tokens are AES-256-GCM ciphertexts bound to the row id;
 * only lib/auth/tokens.ts reads or writes them. One active employer at a time: switching
 * employer refreshes the token for another employer on the same row.
 */
export const indeedConnections = pgTable(
  "indeed_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    employerId: text("employer_id").references(() => employers.id),
    scope: text("scope").notNull(),
    accessTokenCiphertext: text("access_token_ciphertext"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenCiphertext: text("refresh_token_ciphertext"),
    /** 60 days from issue or last use, as Indeed counts it. */
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    status: text("status", { enum: ["active", "needs_reauth"] })
      .notNull()
      .default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("indeed_connections_user_idx").on(t.userId)],
);

export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    employerId: text("employer_id")
      .notNull()
      .references(() => employers.id),
    /** The ATS's own job id. */
    externalId: text("external_id").notNull(),
    title: text("title").notNull(),
    location: text("location"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("jobs_employer_external_key").on(t.employerId, t.externalId)],
);

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    employerId: text("employer_id")
      .notNull()
      .references(() => employers.id),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id),
    /** The ATS's application id: letters, digits, `-` and `_`, as Indeed's button takes it. */
    externalId: text("external_id").notNull(),
    applicantName: text("applicant_name").notNull(),
    applicantEmail: text("applicant_email").notNull(),
    stage: text("stage", { enum: ["new", "screening", "interview", "offer", "hired", "rejected"] })
      .notNull()
      .default("new"),
    appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("applications_employer_external_key").on(t.employerId, t.externalId),
    index("applications_employer_applied_idx").on(t.employerId, t.appliedAt),
    check("applications_external_id_format", sql`${t.externalId} ~ '^[A-Za-z0-9_-]{1,64}$'`),
  ],
);

/** The ledger: every interview Lobby scheduled with Indeed, and its last known state. */
export const interviews = pgTable(
  "interviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    employerId: text("employer_id")
      .notNull()
      .references(() => employers.id),
    /** Indeed's opaque event id. */
    indeedEventId: text("indeed_event_id").notNull(),
    applicationId: uuid("application_id").references(() => applications.id),
    intervieweeEmail: text("interviewee_email"),
    title: text("title").notNull(),
    startTime: timestamp("start_time", { withTimezone: true }).notNull(),
    endTime: timestamp("end_time", { withTimezone: true }).notNull(),
    timezone: text("timezone").notNull(),
    status: text("status").notNull(),
    cancelReason: text("cancel_reason"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("interviews_indeed_event_key").on(t.indeedEventId),
    index("interviews_employer_start_idx").on(t.employerId, t.startTime),
    index("interviews_application_idx").on(t.applicationId),
  ],
);

/** Who did what, when: one row per action, written in the same transaction as the action. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    employerId: text("employer_id"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_employer_created_idx").on(t.employerId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------
// Sign-in (issue 5, lib/auth): server-side sessions.

/**
 * One row per signed-in browser. The session cookie (a next-auth JWT) carries only this id,
 * the user id and the connection id; deleting the row ends the session at once, whatever the
 * cookie's own expiry says. A fresh row (a fresh id) is made at every sign-in.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => indeedConnections.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** The last request seen, to the minute: past SESSION_IDLE_HOURS the session has ended. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index("auth_sessions_user_idx").on(t.userId),
    index("auth_sessions_connection_idx").on(t.connectionId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Candidate messages (issue 14, lib/mail and lib/jobs).

/**
 * What an employer sets for the mail Lobby sends to its interviewees (`/settings`). The From
 * address stays Lobby's own (MAIL_FROM); the organizer name goes with it, replies go to
 * `reply_to`.
 */
export const employerSettings = pgTable(
  "employer_settings",
  {
    employerId: text("employer_id")
      .primaryKey()
      .references(() => employers.id, { onDelete: "cascade" }),
    organizerName: text("organizer_name").notNull(),
    replyTo: text("reply_to").notNull(),
    /** How job seekers reach the employer, shown in every message. */
    contact: text("contact").notNull(),
    /** Where job seekers send requests for their data (`/privacy`); `contact` when unset. */
    dataRequestsContact: text("data_requests_contact"),
    defaultLanguage: text("default_language", { enum: ["en", "fr", "es", "de"] })
      .notNull()
      .default("en"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("employer_settings_language", sql`${t.defaultLanguage} in ('en', 'fr', 'es', 'de')`),
  ],
);

export const CANDIDATE_MESSAGE_STATUSES = [
  "queued",
  "sending",
  "sent",
  "retrying",
  "failed",
  "unknown",
] as const;
export type CandidateMessageStatus = (typeof CANDIDATE_MESSAGE_STATUSES)[number];

/**
 * One message to an interviewee, written in the transaction that records Indeed's answer, with
 * its job. The row is the message's state; the job only says "deliver row X". `sending` with
 * an attempt number is committed before SMTP and `sent` right after the server's 250, so a job
 * run twice (a retry, a worker killed mid-send) finds out before it sends: see
 * docs/decisions/0042-job-queue-pg-boss.md and lib/mail/deliver.ts.
 */
export const candidateMessages = pgTable(
  "candidate_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    employerId: text("employer_id")
      .notNull()
      .references(() => employers.id),
    interviewId: uuid("interview_id").references(() => interviews.id, { onDelete: "set null" }),
    indeedEventId: text("indeed_event_id").notNull(),
    kind: text("kind", { enum: ["invitation", "update", "cancellation"] }).notNull(),
    /** The iCalendar SEQUENCE: 0, 1, 2… per event, in the order the changes were recorded. */
    sequence: integer("sequence").notNull(),
    recipientEmail: text("recipient_email").notNull(),
    recipientName: text("recipient_name").notNull(),
    /** The RFC 5322 Message-ID, stable across retries and resends (`messageIdOf`). */
    messageId: text("message_id").notNull(),
    /** The `CandidateMessage` as recorded: a retry or a resend renders the very same mail. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: CANDIDATE_MESSAGE_STATUSES }).notNull().default("queued"),
    /** SMTP attempts started (claims); a claim commits `sending` with the new number first. */
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** The server's reply to the message (`250 OK: queued as …`). */
    smtpResponse: text("smtp_response"),
    /** The pg-boss job that delivers it now (a resend makes a new one). */
    jobId: text("job_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("candidate_messages_event_sequence_key").on(t.indeedEventId, t.sequence),
    index("candidate_messages_employer_event_idx").on(t.employerId, t.indeedEventId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Data requests (issue 15, lib/privacy).

export const DATA_REQUEST_KINDS = ["access", "erasure"] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];

/**
 * A job seeker's request for their data (`/privacy/requests`), due 30 days after it was
 * received. Once an erasure is carried out the row is the fulfilment record: the address is
 * gone, a salted hash stays to recognise a repeat request (docs/decisions/0061), with who
 * fulfilled it, when, and how many rows changed.
 */
export const dataRequests = pgTable(
  "data_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    employerId: text("employer_id")
      .notNull()
      .references(() => employers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: DATA_REQUEST_KINDS }).notNull(),
    /** The job seeker's address, lower-cased; null once their data was erased. */
    email: text("email"),
    /** sha-256 of salt and address, hex. */
    emailHash: text("email_hash").notNull(),
    emailSalt: text("email_salt").notNull(),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    fulfilledAt: timestamp("fulfilled_at", { withTimezone: true }),
    fulfilledByUserId: uuid("fulfilled_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    /** What fulfilling it changed, as counts per kind of record: never a value. */
    outcome: jsonb("outcome").$type<Record<string, number>>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("data_requests_employer_due_idx").on(t.employerId, t.dueOn),
    check("data_requests_kind", sql`${t.kind} in ('access', 'erasure')`),
  ],
);

/**
 * A mutation Indeed may or may not have applied (issue 13): it did not answer in time, or
 * answered a 5xx or INTERNAL_SERVER_ERROR. The row keeps what was sent until Lobby has looked
 * the event up at Indeed (lib/scheduling/reconcile-pending.ts); while it is `pending`, another
 * create for the same application or interviewee is refused. The id is the `attemptId` the
 * form sent, so the form can ask about its own create.
 */
export const PENDING_CONFIRMATION_STATES = ["pending", "confirmed", "not_found"] as const;
export const pendingConfirmations = pgTable(
  "pending_confirmations",
  {
    id: uuid("id").primaryKey(),
    employerId: text("employer_id")
      .notNull()
      .references(() => employers.id),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    operationName: text("operation_name").notNull(),
    applicationId: uuid("application_id").references(() => applications.id, {
      onDelete: "set null",
    }),
    intervieweeEmail: text("interviewee_email"),
    /** The variables as sent to Indeed, requestMetadata included. */
    sent: jsonb("sent").$type<Record<string, unknown>>().notNull(),
    /** What Lobby keeps beside a change and records once it is confirmed (a cancel reason). */
    context: jsonb("context").$type<Record<string, unknown>>(),
    state: text("state", { enum: PENDING_CONFIRMATION_STATES }).notNull().default("pending"),
    /** Lookups at Indeed that answered (a failed lookup is not counted). */
    checks: integer("checks").notNull().default(0),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    /** A create: the event found at Indeed, once confirmed. A change: the event it changes. */
    indeedEventId: text("indeed_event_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("pending_confirmations_employer_state_idx").on(t.employerId, t.state),
    index("pending_confirmations_employer_event_idx").on(t.employerId, t.indeedEventId),
  ],
);
