import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  startIndeedTestbed,
  type IndeedTestbed,
  type SignedIn,
} from "@/lib/auth/sandbox-fixtures.test-support";
import { auditEvents, interviews } from "@/lib/db/schema";
import { reconcileUpcomingInterviews } from "@/lib/jobs/ledger-reconcile-worker";
import { CHANGED_OUTSIDE_LOBBY, eventsOfRead, followIndeed } from "./reconcile-ledger";

/**
 * The ledger follows Indeed (issue 13), against the sandbox: events Lobby scheduled are
 * canceled, moved and retitled by a client that is not Lobby (same person, no ledger hooks);
 * a read through Lobby's client, or the hourly job, writes the differences back, audited as
 * changed outside Lobby, once.
 */

describe(`the ledger follows Indeed (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let bed: IndeedTestbed;
  let dana: SignedIn;
  let deferred: Promise<void>[] = [];
  const defer = (task: () => Promise<void>) => void deferred.push(task());
  /** Lobby's client: its ledger hooks, and reads followed into the ledger. */
  let lobby: IndeedTestbed["client"];
  /** The same person through a client that is not Lobby. */
  let outside: IndeedTestbed["client"];

  beforeAll(async () => {
    bed = await startIndeedTestbed({
      onRead: (session, _name, data, sentAt) =>
        followIndeed(bed.handle.db, session.employer.id, eventsOfRead(data), sentAt).then(
          () => undefined,
        ),
      defer,
    });
    lobby = bed.client;
    outside = bed.createClient({ hooks: false, defer });
    dana = await bed.signIn("u-dana", "emp-acme-robotics");
  });
  afterEach(async () => {
    await Promise.all(deferred);
    deferred = [];
    await bed.control("/_sandbox/faults/graphql/clear", {});
  });
  afterAll(async () => {
    await bed?.close();
  });

  async function schedule(title: string, day: number) {
    const data = await lobby.execute(dana.session, "CreateInterview", {
      input: {
        startTime: `2031-06-${day}T15:00:00+00:00`,
        endTime: `2031-06-${day}T16:00:00+00:00`,
        title,
        timezone: "UTC",
        interviewers: [],
      },
    });
    return data.createVirtualInterviewEvent!.event!.id;
  }
  const ledgerRow = async (id: string) =>
    (await bed.handle.db.select().from(interviews).where(eq(interviews.indeedEventId, id)))[0]!;
  const outsideAudits = (id: string) =>
    bed.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, CHANGED_OUTSIDE_LOBBY)));

  it("writes back a cancel and a move made outside Lobby when a read shows them, once", async () => {
    const canceled = await schedule("Canceled elsewhere", 10);
    const moved = await schedule("Moved elsewhere", 11);
    await outside.execute(dana.session, "CancelInterview", { input: { id: canceled } });
    await outside.execute(dana.session, "RescheduleInterview", {
      input: {
        id: moved,
        startTime: "2031-06-12T09:00:00+00:00",
        endTime: "2031-06-12T10:00:00+00:00",
      },
    });
    expect((await ledgerRow(canceled)).status).toBe("SCHEDULED");

    await lobby.execute(dana.session, "GetInterviews", { ids: [canceled, moved] });
    await Promise.all(deferred);

    expect((await ledgerRow(canceled)).status).toBe("CANCELED");
    expect((await ledgerRow(moved)).startTime.toISOString()).toBe("2031-06-12T09:00:00.000Z");
    expect(await outsideAudits(canceled)).toMatchObject([
      { userId: null, details: { changes: { status: { from: "SCHEDULED", to: "CANCELED" } } } },
    ]);
    expect((await outsideAudits(moved))[0]!.details).toMatchObject({
      changes: {
        startTime: { from: "2031-06-11T15:00:00.000Z", to: "2031-06-12T09:00:00.000Z" },
        endTime: { to: "2031-06-12T10:00:00.000Z" },
      },
    });

    // Nothing differs any more: the next read writes nothing.
    await lobby.execute(dana.session, "FindInterviews", {
      first: 100,
      input: { startTime: { after: "2031-06-01T00:00:00+00:00" } },
    });
    await Promise.all(deferred);
    expect(await outsideAudits(canceled)).toHaveLength(1);
    expect(await outsideAudits(moved)).toHaveLength(1);
  });

  it("never undoes a change Lobby made after the read was sent", async () => {
    const id = await schedule("Read crossed a change", 14);
    const stale = await outside.execute(dana.session, "GetInterviews", { ids: [id] });
    const readAt = new Date(Date.now() - 60_000);
    await lobby.execute(dana.session, "SetInterviewTitle", { input: { id, title: "New title" } });
    expect(
      await followIndeed(bed.handle.db, "emp-acme-robotics", eventsOfRead(stale), readAt),
    ).toBe(0);
    expect((await ledgerRow(id)).title).toBe("New title");
  });

  it("the hourly job reconciles upcoming interviews, and waits when Indeed is away", async () => {
    const id = await schedule("Retitled elsewhere", 20);
    await outside.execute(dana.session, "SetInterviewTitle", { input: { id, title: "Renamed" } });
    const deps = {
      db: bed.handle.db,
      getInterviews: (session: typeof dana.session, ids: string[]) =>
        outside.execute(session, "GetInterviews", { ids }),
      find: () => Promise.reject(new Error("no pending confirmation to look for")),
      now: () => new Date("2031-01-01T00:00:00Z"),
      log: () => undefined,
    };

    await fetch(`${bed.sandbox.url}/_sandbox/faults/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        operationName: "GetInterviews",
        code: "INTERNAL_SERVER_ERROR",
        rate: 1,
      }),
    });
    const away = await reconcileUpcomingInterviews(deps);
    expect(away).toMatchObject({ employers: 1, unreachable: 1, changed: 0 });
    expect((await ledgerRow(id)).title).toBe("Retitled elsewhere");

    await bed.control("/_sandbox/faults/graphql/clear", {});
    const run = await reconcileUpcomingInterviews(deps);
    expect(run).toMatchObject({ employers: 1, unreachable: 0, changed: 1 });
    expect((await ledgerRow(id)).title).toBe("Renamed");
    expect(await reconcileUpcomingInterviews(deps)).toMatchObject({ changed: 0 });
  });
});
