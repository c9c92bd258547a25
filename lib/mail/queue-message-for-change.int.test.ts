import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { candidateMessages, employers, users } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import {
  recordInterviewCanceled,
  recordInterviewCreated,
  recordInterviewUpdated,
} from "@/lib/scheduling/record-interview-change";
import type { CandidateMessage } from "./candidate-message";
import { saveEmployerSettings } from "./employer-settings-store";

// The ledger's transaction queues the interviewee's messages: which changes send one, with
// which kind, SEQUENCE and settings, and that a rolled-back change queues nothing.

let handle: DatabaseHandle;
let actor: { userId: string; employer: { id: string } };
let n = 0;

const LOBBY = "https://lobby.indeed.example/interviewee/ada-7f3a";

function snapshot(overrides: Record<string, unknown> = {}) {
  return {
    id: `event-${Date.now()}-${++n}`,
    status: "SCHEDULED",
    title: "Interview with Ada Lovelace",
    startTime: "2030-03-08T17:30:00+00:00",
    endTime: "2030-03-08T18:30:00+00:00",
    timezone: "America/Los_Angeles",
    languageCode: "fr",
    interviewerLobbyUrl: "https://lobby.indeed.example/interviewer/secret",
    interviewersConnection: { interviewers: [{ email: "recruiter@acme.example" }] },
    intervieweesConnection: {
      interviewees: [
        { name: "Ada Lovelace", email: "ada@example.com", intervieweeLobbyUrl: LOBBY },
      ],
    },
    ...overrides,
  };
}

async function messagesFor(eventId: string) {
  return handle.db
    .select()
    .from(candidateMessages)
    .where(eq(candidateMessages.indeedEventId, eventId))
    .orderBy(asc(candidateMessages.sequence));
}

async function jobsFor(rowIds: string[]) {
  const result = (await handle.db.execute(
    sql`select data->>'candidateMessageId' as id from pgboss.job where name = 'candidate-message'`,
  )) as unknown as { rows: { id: string }[] };
  return result.rows.filter((row) => rowIds.includes(row.id));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.db.insert(employers).values({ id: "emp-acme", name: "Acme" });
  const [user] = await handle.db
    .insert(users)
    .values({ issuer: "http://sandbox", subject: "u:1", email: "rita@acme.example" })
    .returning();
  actor = { userId: user!.id, employer: { id: "emp-acme" } };
});
afterAll(async () => {
  await handle?.close();
});

describe("messages queued with the ledger", () => {
  it("invite, reschedule, retitle, zone change, cancel: one message each, SEQUENCE 0…4, with their jobs", async () => {
    const event = snapshot();
    const db = handle.db;
    await db.transaction((tx) => recordInterviewCreated(tx, actor, event));
    await db.transaction((tx) =>
      recordInterviewUpdated(tx, actor, "reschedule", {
        ...event,
        startTime: "2030-03-09T17:30:00+00:00",
        endTime: "2030-03-09T18:30:00+00:00",
      }),
    );
    await db.transaction((tx) =>
      recordInterviewUpdated(tx, actor, "set_title", { ...event, title: "Second round" }),
    );
    await db.transaction((tx) =>
      recordInterviewUpdated(tx, actor, "set_timezone", { ...event, timezone: "Europe/Paris" }),
    );
    await db.transaction((tx) =>
      recordInterviewUpdated(tx, actor, "add_interviewers", event, {
        input: { interviewers: [{ email: "ivy@acme.example" }] },
      }),
    );
    await db.transaction((tx) =>
      recordInterviewCanceled(tx, actor, { ...event, status: "CANCELED" }, { reason: "Filled" }),
    );

    const rows = await messagesFor(event.id);
    expect(rows.map((row) => [row.sequence, row.kind])).toEqual([
      [0, "invitation"],
      [1, "update"],
      [2, "update"],
      [3, "update"],
      [4, "cancellation"],
    ]);
    const payloads = rows.map((row) => row.payload as unknown as CandidateMessage);
    expect(payloads.map((p) => (p.kind === "update" ? p.changes : p.kind))).toEqual([
      "invitation",
      ["rescheduled"],
      ["retitled"],
      ["time_zone_changed"],
      "cancellation",
    ]);
    expect(payloads[4]).toMatchObject({ kind: "cancellation", cancelReason: "Filled" });
    for (const payload of payloads) {
      expect(payload.interviewee).toEqual({
        name: "Ada Lovelace",
        email: "ada@example.com",
        lobbyUrl: LOBBY,
      });
      expect(JSON.stringify(payload)).not.toContain("interviewer/secret");
      expect(payload.event.language).toBe("fr");
    }
    expect(payloads[1]!.event.start).toBe("2030-03-09T17:30:00.000Z");
    expect(new Set(rows.map((row) => row.messageId)).size).toBe(5);
    expect(rows.every((row) => row.interviewId && row.status === "queued")).toBe(true);
    expect(await jobsFor(rows.map((row) => row.id))).toHaveLength(5);
  });

  it("an interviewee added later gets an invitation; an event without one gets nothing", async () => {
    const event = snapshot({ intervieweesConnection: { interviewees: [] } });
    await handle.db.transaction((tx) => recordInterviewCreated(tx, actor, event));
    await handle.db.transaction((tx) =>
      recordInterviewUpdated(tx, actor, "reschedule", { ...event, title: "Moved" }),
    );
    expect(await messagesFor(event.id)).toHaveLength(0);
    await handle.db.transaction((tx) =>
      recordInterviewUpdated(tx, actor, "add_interviewee", snapshot({ id: event.id })),
    );
    const rows = await messagesFor(event.id);
    expect(rows.map((row) => [row.sequence, row.kind])).toEqual([[0, "invitation"]]);
  });

  it("uses the employer's settings: organizer name on MAIL_FROM, reply-to, contact, language", async () => {
    await saveEmployerSettings(handle.db, "emp-acme", {
      organizerName: "Acme Recruiting",
      replyTo: "hiring@acme.example",
      contact: "+1 555 0100",
      defaultLanguage: "de",
    });
    const event = snapshot({ languageCode: null });
    await handle.db.transaction((tx) => recordInterviewCreated(tx, actor, event));
    const [row] = await messagesFor(event.id);
    const payload = row!.payload as unknown as CandidateMessage;
    expect(payload.organizer).toEqual({
      name: "Acme Recruiting",
      email: "interviews@lobby.invalid",
    });
    expect(payload.replyTo).toBe("hiring@acme.example");
    expect(payload.employer).toEqual({ name: "Acme", contact: "+1 555 0100" });
    expect(payload.event.language).toBe("de");
  });

  it("a rolled-back change queues no message and no job", async () => {
    const event = snapshot();
    await expect(
      handle.db.transaction(async (tx) => {
        await recordInterviewCreated(tx, actor, event);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await messagesFor(event.id)).toHaveLength(0);
  });
});
