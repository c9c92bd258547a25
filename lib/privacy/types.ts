/**
 * The shapes lib/privacy's server modules answer with, for the pages, the client panels and the
 * JSON export. Types only: client components may import them.
 */

/** What Indeed shows of one interview now, or why it shows nothing. */
export type IndeedState =
  | {
      shown: true;
      status: string | null;
      title: string | null;
      startTime: string | null;
      endTime: string | null;
      timezone: string | null;
      interviewers: string[];
      recordings: { session: number; state: string; available: boolean }[];
      decisions: { session: number; interviewer: string; decision: string; note: string | null }[];
    }
  | { shown: false; reason: string };

export interface PersonalData {
  request: {
    id: string;
    kind: "access" | "erasure";
    receivedOn: string;
    dueOn: string;
    fulfilledAt: string | null;
  };
  employer: { id: string; name: string };
  email: string;
  generatedAt: string;
  applications: {
    id: string;
    applicationId: string;
    name: string;
    email: string;
    stage: string;
    appliedAt: string;
    job: { id: string; title: string };
  }[];
  interviews: {
    indeedEventId: string;
    title: string;
    startTime: string;
    endTime: string;
    timezone: string;
    status: string;
    cancelReason: string | null;
    scheduledAt: string;
    indeed: IndeedState;
  }[];
  messages: {
    indeedEventId: string;
    kind: string;
    sequence: number;
    to: string;
    status: string;
    queuedAt: string;
    sentAt: string | null;
  }[];
  auditEntries: {
    id: number;
    at: string;
    action: string;
    description: string;
    by: string | null;
    subject: { type: string; id: string };
    details: Record<string, unknown>;
  }[];
}

/** What an erasure changed, as counts per kind of record: never a value. */
export interface ErasureOutcome {
  applications: number;
  interviews: number;
  messages: number;
  queuedJobs: number;
  auditEntries: number;
  dataRequests: number;
}

/** One interview cancelled (or not) at Indeed for an erasure. */
export interface CancelResult {
  eventId: string;
  canceled: boolean;
  message?: string;
}
