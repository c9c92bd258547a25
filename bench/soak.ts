import { randomUUID } from "node:crypto";
import { chromium } from "@playwright/test";
import pg from "pg";
import PgBoss from "pg-boss";
import { signIn } from "../e2e/support/sign-in";
import {
  appUrl,
  chromiumPath,
  control,
  ensureBuild,
  sandboxUrl,
  startApp,
  startSandbox,
  type Started,
} from "./servers";

// `npm run soak` (issue 13): 50 simulated users for 60 s against a production build (`next
// start`) and the sandbox as child processes, with the sandbox failing 20% of GraphQL calls
// (for mutations, half of those `apply-then-fail`: stored, then answered
// INTERNAL_SERVER_ERROR) and adding latency. Each user browses applications and the calendar,
// opens its events, creates, reschedules and cancels, checking with Indeed through
// /interviews/new/confirm after an OUTCOME_UNKNOWN as the form and the change dialogs do. It
// prints requests, responses by status, errors by code, events created at the sandbox against
// creates confirmed in the ledger, doubled events, and ledger rows that disagree with Indeed:
// right after the run, and after the hourly ledger-reconcile job (sent to the app's own
// pg-boss queue) has run once, as a user finds the ledger an hour later. Not a test.
//
// The ledger is read straight from the database, so the app runs on PostgreSQL: SOAK_PG_URL
// (default postgres://postgres@127.0.0.1:5432/postgres) names a server where a throwaway
// database is created and dropped. Run it alone: `flock /tmp/e2e.lock npm run soak` (the e2e
// ports and `.next`); BENCH_BUILD=1 forces a fresh build.

const USERS = Number(process.env.SOAK_USERS ?? 50);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const FAILURE_RATE = 0.2;
const LATENCY_MS = 40;
const SERVER_URL = process.env.SOAK_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
// Who signs in: the seeded people and employers the lobby-local client may use.
const ACCOUNTS = [
  { account: "Dana Recruiter", employer: "Acme Robotics", employerId: "emp-acme-robotics" },
  { account: "Dana Recruiter", employer: "Globex Logistics", employerId: "emp-globex-logistics" },
  { account: "Ivy Interviewer", employer: "Acme Robotics", employerId: "emp-acme-robotics" },
];
const MUTATIONS = ["CreateInterview", "RescheduleInterview", "CancelInterview"];
const TITLE_PREFIX = "Soak";
// Every user's slots, reschedules included, fall inside it (slot(): 900 hours per user).
const WINDOW = { after: "2032-01-01T00:00:00+00:00", before: "2040-01-01T00:00:00+00:00" };

interface User {
  index: number;
  cookie: string;
  employerId: string;
  events: string[];
  creates: number;
}

const tally = {
  requests: 0,
  byStatus: new Map<number, number>(),
  byCode: new Map<string, number>(),
  byAction: new Map<string, number>(),
  createsConfirmed: 0,
  createsRetriedAfterNotFound: 0,
  createsGivenUp: 0,
  changesUnknown: 0,
  changesConfirmed: 0,
  changesNotMade: 0,
  changesGivenUp: 0,
};
const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

async function request(
  user: User,
  action: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  tally.requests++;
  bump(tally.byAction, action);
  let response: Response;
  try {
    response = await fetch(`${appUrl}${path}`, {
      method: body === undefined ? "GET" : "POST",
      redirect: "manual",
      headers: {
        cookie: user.cookie,
        ...(body === undefined
          ? { accept: "text/html" }
          : { "content-type": "application/json", origin: appUrl, accept: "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    bump(tally.byStatus, 0);
    bump(tally.byCode, "NETWORK_ERROR");
    return { status: 0, json: null };
  }
  bump(tally.byStatus, response.status);
  const text = await response.text();
  let json: unknown = null;
  if (body !== undefined) json = JSON.parse(text || "null") as unknown;
  const code = (json as { error?: { code?: string } } | null)?.error?.code;
  if (code) bump(tally.byCode, code);
  else if (response.status >= 400) bump(tally.byCode, `HTTP_${response.status}`);
  return { status: response.status, json };
}

const graphql = (user: User, operationName: string, variables: unknown, context?: unknown) =>
  request(user, operationName, "/api/indeed/graphql", { operationName, variables, context });

/** Start and end of a user's n-th interview: distinct per user and create, inside WINDOW. */
function slot(user: User, n: number, shiftHours = 0) {
  const start = Date.UTC(2032, 0, 1) + ((user.index * 300 + n) * 3 + shiftHours) * 3_600_000;
  return {
    startTime: new Date(start).toISOString().replace(".000Z", "+00:00"),
    endTime: new Date(start + 3_600_000).toISOString().replace(".000Z", "+00:00"),
  };
}

/** What the create form does: send, and after OUTCOME_UNKNOWN check with Indeed first. */
async function create(user: User): Promise<void> {
  const n = user.creates++;
  const attemptId = randomUUID();
  const variables = {
    input: {
      ...slot(user, n),
      title: `${TITLE_PREFIX} u${user.index} #${n}`,
      timezone: "UTC",
      interviewers: [],
      interviewee: {
        name: `Applicant ${user.index}-${n}`,
        email: `soak.${user.index}.${n}@example.net`,
      },
    },
  };
  for (let send = 0; send < 3; send++) {
    const answer = await graphql(user, "CreateInterview", variables, { attemptId });
    const data = answer.json as {
      data?: { createVirtualInterviewEvent?: { event?: { id: string } } };
      error?: { code: string };
    };
    const id = data.data?.createVirtualInterviewEvent?.event?.id;
    if (id) {
      user.events.push(id);
      tally.createsConfirmed++;
      return;
    }
    if (data.error?.code !== "OUTCOME_UNKNOWN") return; // a plain failure: nothing was made
    const check = await checkWithIndeed(user, { attemptId });
    if (check.state === "confirmed" && check.eventId) {
      user.events.push(check.eventId);
      tally.createsConfirmed++;
      return;
    }
    if (check.state !== "not_found") {
      tally.createsGivenUp++; // still unknown: never sent again
      return;
    }
    tally.createsRetriedAfterNotFound++;
  }
}

/** What the form and the dialogs do after OUTCOME_UNKNOWN: ask until Indeed settles it. */
async function checkWithIndeed(
  user: User,
  key: { attemptId: string } | { eventId: string },
): Promise<{ state?: string; eventId?: string }> {
  let answer: { state?: string; eventId?: string } = {};
  for (let ask = 0; ask < 7; ask++) {
    if (ask > 0) await new Promise((resolve) => setTimeout(resolve, 500 * ask));
    const check = await request(user, "Confirm", "/interviews/new/confirm", key);
    answer = (check.json as typeof answer | null) ?? {};
    if (answer.state === "confirmed" || answer.state === "not_found") return answer;
  }
  return answer;
}

/** A reschedule or cancel as the event page's dialog sends it; true once Indeed made it. */
async function change(
  user: User,
  operationName: string,
  variables: { input: { id: string } },
  context?: unknown,
): Promise<boolean> {
  const answer = await graphql(user, operationName, variables, context);
  if (answer.status === 200) return true;
  const code = (answer.json as { error?: { code?: string } } | null)?.error?.code;
  if (code !== "OUTCOME_UNKNOWN") return false;
  tally.changesUnknown++;
  const check = await checkWithIndeed(user, { eventId: variables.input.id });
  if (check.state === "confirmed") tally.changesConfirmed++;
  else if (check.state === "not_found") tally.changesNotMade++;
  else tally.changesGivenUp++;
  return check.state === "confirmed";
}

async function act(user: User): Promise<void> {
  const roll = Math.random();
  const own = user.events[Math.floor(Math.random() * user.events.length)];
  if (roll < 0.15) await request(user, "Applications page", "/applications");
  else if (roll < 0.3) await request(user, "Interviews page", "/interviews");
  else if (roll < 0.45 && own)
    await request(user, "Event page", `/interviews/${encodeURIComponent(own)}`);
  else if (roll < 0.6)
    await graphql(user, "FindInterviews", { first: 20, input: { startTime: WINDOW } });
  else if (roll < 0.8) await create(user);
  else if (roll < 0.93 && own)
    await change(user, "RescheduleInterview", {
      input: { id: own, ...slot(user, user.creates + 200, Math.floor(Math.random() * 48)) },
    });
  else if (own) {
    await change(user, "CancelInterview", { input: { id: own } }, { reason: "Soak" });
    user.events = user.events.filter((id) => id !== own);
  }
}

async function signInUsers(): Promise<User[]> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const users: User[] = [];
    for (let index = 0; index < USERS; index++) {
      const who = ACCOUNTS[index % ACCOUNTS.length]!;
      const context = await browser.newContext({ baseURL: appUrl });
      await signIn(await context.newPage(), who);
      const cookies = await context.cookies(appUrl);
      await context.close();
      users.push({
        index,
        cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "),
        employerId: who.employerId,
        events: [],
        creates: 0,
      });
    }
    return users;
  } finally {
    await browser.close();
  }
}

/** Indeed's soak events per employer, read at the sandbox with the employer's own token. */
async function indeedEvents(employerId: string) {
  const { access_token: token } = (await control("/_sandbox/oauth/tokens", {
    user: "u-dana",
    employer: employerId,
  })) as { access_token: string };
  const events: {
    id: string;
    title: string;
    status: string;
    startTime: string;
    endTime: string;
  }[] = [];
  let after: string | undefined;
  do {
    const response = await fetch(`${sandboxUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        "indeed-client-id": "lobby-local",
      },
      body: JSON.stringify({
        query: `query Soak($after: String, $input: FindVirtualInterviewEventsInput!) {
          findVirtualInterviewEvents(first: 100, after: $after, input: $input) {
            pageInfo { hasNextPage endCursor }
            events { id title status startTime endTime }
          } }`,
        variables: { after, input: { startTime: WINDOW } },
      }),
    });
    const body = (await response.json()) as {
      data: {
        findVirtualInterviewEvents: {
          pageInfo: { hasNextPage: boolean; endCursor: string };
          events: typeof events;
        };
      };
    };
    const page = body.data.findVirtualInterviewEvents;
    events.push(...page.events.filter((event) => event.title.startsWith(TITLE_PREFIX)));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
  } while (after);
  return events;
}

async function disagreements(
  database: pg.Client,
  indeed: Awaited<ReturnType<typeof indeedEvents>>,
) {
  const { rows } = await database.query<{
    indeed_event_id: string;
    title: string;
    status: string;
    start_time: Date;
    end_time: Date;
  }>(
    `select indeed_event_id, title, status, start_time, end_time from interviews where title like $1`,
    [`${TITLE_PREFIX} %`],
  );
  const byId = new Map(indeed.map((event) => [event.id, event]));
  let differing = 0;
  let missingAtIndeed = 0;
  for (const row of rows) {
    const event = byId.get(row.indeed_event_id);
    if (!event) {
      missingAtIndeed++;
      continue;
    }
    if (
      event.status !== row.status ||
      event.title !== row.title ||
      Date.parse(event.startTime) !== row.start_time.getTime() ||
      Date.parse(event.endTime) !== row.end_time.getTime()
    )
      differing++;
  }
  return { ledgerRows: rows.length, differing, missingAtIndeed };
}

/**
 * Runs the app's hourly ledger-reconcile job once, now: sent to its pg-boss queue, worked by
 * the app's own worker (lib/jobs/ledger-reconcile-worker.ts). Returns the job's output.
 */
async function runLedgerReconcile(databaseUrl: string): Promise<unknown> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    migrate: false,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  try {
    const id = await boss.send("ledger-reconcile", {});
    if (!id) throw new Error("pg-boss did not take the ledger-reconcile job");
    for (let waited = 0; waited < 120; waited++) {
      const job = await boss.getJobById("ledger-reconcile", id);
      if (job?.state === "completed") return job.output;
      if (job?.state === "failed")
        throw new Error(`ledger-reconcile failed: ${JSON.stringify(job.output)}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    throw new Error("ledger-reconcile did not finish within 120 s");
  } finally {
    await boss.stop({ graceful: false });
  }
}

async function main() {
  const started: Started[] = [];
  const server = new pg.Client({ connectionString: SERVER_URL });
  await server.connect().catch((error: Error) => {
    throw new Error(`The soak needs PostgreSQL at SOAK_PG_URL (${SERVER_URL}): ${error.message}`);
  });
  const databaseName = `lobby_soak_${process.pid}`;
  await server.query(`create database ${databaseName}`);
  const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${databaseName}` }).href;
  try {
    ensureBuild();
    started.push(await startSandbox());
    started.push(await startApp({ databaseUrl }));
    await control("/_sandbox/ratelimit/graphql", { budget: 10_000_000, resetUsage: true });
    console.log(`Signing in ${USERS} users through the sandbox's pages...`);
    const users = await signInUsers();

    // 20% of every call fails; a mutation's failures alternate between plain and apply-then-fail.
    const fault = (operationName: string, mode: string) =>
      control("/_sandbox/faults/graphql", {
        operationName,
        code: "INTERNAL_SERVER_ERROR",
        rate: FAILURE_RATE,
        latencyMs: LATENCY_MS,
        mode,
      });
    await fault("*", "fail");
    let applyThenFail = true;
    const flip = async () => {
      for (const name of MUTATIONS) await fault(name, applyThenFail ? "apply-then-fail" : "fail");
      applyThenFail = !applyThenFail;
    };
    await flip();
    const flipper = setInterval(() => void flip(), 2_000);

    console.log(
      `${USERS} users for ${SECONDS} s, ${FAILURE_RATE * 100}% of Indeed's calls failing...`,
    );
    const deadline = Date.now() + SECONDS * 1000;
    const began = Date.now();
    await Promise.all(
      users.map(async (user) => {
        while (Date.now() < deadline) await act(user);
      }),
    );
    const elapsed = (Date.now() - began) / 1000;
    clearInterval(flipper);
    await control("/_sandbox/faults/graphql/clear", {});

    const database = new pg.Client({ connectionString: databaseUrl });
    await database.connect();
    await control("/_sandbox/access", { mode: "employer" });
    const employerIds = [...new Set(ACCOUNTS.map((a) => a.employerId))];
    const indeed = (await Promise.all(employerIds.map(indeedEvents))).flat();
    const atEnd = await disagreements(database, indeed);
    const reconciled = await runLedgerReconcile(databaseUrl);
    const afterJob = await disagreements(database, indeed);
    const pending = await database.query<{ kind: string; state: string; n: string }>(
      `select case operation_name when 'CreateInterview' then 'create' else 'change' end as kind,
        state, count(*) as n from pending_confirmations group by 1, 2 order by 1, 2`,
    );
    await database.end();

    const titles = new Map<string, number>();
    for (const event of indeed) bump(titles, event.title);
    const doubled = [...titles.values()].filter((n) => n > 1).length;
    const sorted = <K>(map: Map<K, number>) =>
      [...map.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k}: ${n}`)
        .join(", ");

    console.log("");
    console.log(
      `Soak: ${USERS} users, ${elapsed.toFixed(1)} s, Indeed failing ${FAILURE_RATE * 100}% (+${LATENCY_MS} ms)`,
    );
    console.log(
      `requests                         ${tally.requests} (${(tally.requests / elapsed).toFixed(1)}/s)`,
    );
    console.log(`by action                        ${sorted(tally.byAction)}`);
    console.log(`responses by status              ${sorted(tally.byStatus)}`);
    console.log(`errors by code                   ${sorted(tally.byCode) || "none"}`);
    console.log(`responses 500                    ${tally.byStatus.get(500) ?? 0}`);
    console.log(`events created at the sandbox    ${indeed.length}`);
    console.log(
      `creates confirmed in the ledger  ${atEnd.ledgerRows} (users saw ${tally.createsConfirmed} confirmed; ${tally.createsRetriedAfterNotFound} sent again after "not found"; ${tally.createsGivenUp} left unknown)`,
    );
    console.log(
      `changes left unknown by Indeed   ${tally.changesUnknown} (confirmed ${tally.changesConfirmed}; not made ${tally.changesNotMade}; still unknown ${tally.changesGivenUp})`,
    );
    console.log(
      `pending confirmations            ${pending.rows.map((r) => `${r.kind} ${r.state}: ${r.n}`).join(", ") || "none"}`,
    );
    console.log(`doubled events                   ${doubled}`);
    console.log(
      `ledger rows disagreeing, at end  ${atEnd.differing} (+${atEnd.missingAtIndeed} not at Indeed)`,
    );
    console.log(
      `  after the hourly reconcile     ${afterJob.differing} (+${afterJob.missingAtIndeed} not at Indeed; the job: ${JSON.stringify(reconciled)})`,
    );
  } finally {
    for (const child of started.reverse()) await child.stop();
    await server
      .query(`drop database if exists ${databaseName} with (force)`)
      .catch(() => undefined);
    await server.end();
  }
}

await main();
