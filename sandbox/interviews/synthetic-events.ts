import { randomBytes, randomUUID } from "node:crypto";
import type { StoredEvent } from "./event-model";

export interface SyntheticOptions {
  employerId: string;
  organizerUserId: string;
  organizerEmail: string;
  count: number;
  fromMs: number;
  days: number;
  now: number;
}

const TITLES = [
  "Phone screen",
  "Technical interview",
  "Hiring manager chat",
  "Final round",
  "Culture conversation",
];
const SLOT_MS = 30 * 60_000;

/**
 * Plausible events spread over working hours, for load: no messages are sent for them. A few
 * are canceled so STATUS sorting has something to sort.
 */
export function generateSyntheticEvents(options: SyntheticOptions): StoredEvent[] {
  const slots = Math.max(1, Math.floor((options.days * 86_400_000) / SLOT_MS));
  const events: StoredEvent[] = [];
  for (let i = 0; i < options.count; i++) {
    const startMs = options.fromMs + Math.floor(Math.random() * slots) * SLOT_MS;
    const endMs = startMs + (1 + (i % 4)) * SLOT_MS;
    const canceled = i % 17 === 0;
    events.push({
      uuid: randomUUID(),
      employerId: options.employerId,
      createdByUserId: options.organizerUserId,
      createdByClientId: "sandbox-bulk",
      status: canceled ? "CANCELED" : "SCHEDULED",
      mediaType: "VIDEO",
      title: `${TITLES[i % TITLES.length]} #${i + 1}`,
      startMs,
      endMs,
      timezone: "America/New_York",
      languageCode: "en",
      countryCode: "US",
      interviewers: [{ email: options.organizerEmail, addedAt: options.now }],
      interviewee: null,
      requestMetadata: {
        atsName: "Lobby (synthetic)",
        employerName: null,
        jobId: null,
        jobTitle: null,
      },
      interviewerLobbyToken: randomBytes(18).toString("base64url"),
      sessions: [],
      createdAt: options.now,
      updatedAt: options.now,
      canceledAt: canceled ? options.now : null,
      sequence: 0,
      reminderSentForStartMs: null,
    });
  }
  return events;
}
