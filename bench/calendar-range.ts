import { chromium, type Browser, type Page } from "@playwright/test";
import { print } from "graphql";
import { signIn } from "../e2e/support/sign-in";
import { findOperation } from "../lib/indeed/operation";
import { operations } from "../lib/operations";
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

// `npm run bench:calendar`: what a recruiter waits for when the calendar's range changes, next
// to what Indeed (the sandbox) takes to answer the same calls. A production build under
// `next start` and the sandbox, each its own process; Dana signs in through the sandbox's pages
// in Debian's chromium; 1,000 events are bulk-created in the six days before today. Each run
// opens /interviews on an empty range ("Next 7 days") with a fresh page cache and clicks
// "Last 7 days", then times, in the page, from the click to
//   first rows  the frame in which the agenda's first interview row is in the DOM;
//   all rows    the frame in which the agenda, scrolled to its end page after page, holds the
//               last of the 1,000 (every cursor page fetched and rendered).
// The sandbox's journal gives the findVirtualInterviewEvents calls the app made in that run;
// they are then made again, one after another, straight to the sandbox with a token of the
// same user and client, and timed the same way (first call; whole sequence). Prints p50/p95 of
// each and the ratios. Stops everything it started, even on failure. BENCH_RUNS (default 10)
// sets the runs, after 2 warm-up runs. Not a test.

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WARMUP = 2;
const EVENTS = 1_000;
const EMPLOYER = "emp-acme-robotics";
const OPERATION = "FindInterviews";
const DAY = 86_400_000;
/** The viewer's zone: UTC days make "the six days before today" exact for the bulk events. */
const VIEWER_ZONE = "UTC";

interface JournalEntry {
  seq: number;
  operationName?: string;
  variables?: Record<string, unknown>;
}

interface Run {
  firstRows: number;
  allRows: number;
  direct: { first: number; all: number; calls: number };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

async function journal(since: number): Promise<JournalEntry[]> {
  const response = await fetch(
    `${sandboxUrl}/_sandbox/journal?kind=graphql&operation=${OPERATION}&since=${since}`,
  );
  return ((await response.json()) as { entries: JournalEntry[] }).entries;
}

async function lastJournalSeq(): Promise<number> {
  const response = await fetch(`${sandboxUrl}/_sandbox/journal?limit=1`);
  const { entries } = (await response.json()) as { entries: JournalEntry[] };
  return entries.at(-1)?.seq ?? 0;
}

/**
 * One range change in the browser: from the click on "Last 7 days" to the first row painted,
 * then scrolling the agenda to its end until the last row of the range is there.
 */
async function changeRange(page: Page): Promise<{ firstRows: number; allRows: number }> {
  await page.goto("/interviews?range=next-7-days");
  await page.getByText("No interviews in this range").waitFor();
  await page.evaluate(() => {
    document.addEventListener(
      "click",
      () => {
        (window as { benchClickAt?: number }).benchClickAt = performance.now();
      },
      { capture: true, once: true },
    );
  });
  await page.getByRole("radio", { name: "Last 7 days" }).click();
  const firstRows = await page
    .waitForFunction(
      () => {
        const clickAt = (window as { benchClickAt?: number }).benchClickAt;
        const row = document.querySelector('[aria-label="Interviews by day"] [role="listitem"] a');
        return clickAt !== undefined && row ? { ms: performance.now() - clickAt } : null;
      },
      undefined,
      { polling: "raf", timeout: 60_000 },
    )
    .then(async (handle) => ((await handle.jsonValue()) as { ms: number }).ms);
  const allRows = await page.evaluate(async (deadlineMs) => {
    const clickAt = (window as { benchClickAt?: number }).benchClickAt!;
    const region = document.querySelector('[aria-label="Interviews by day"]')!;
    while (performance.now() - clickAt < deadlineMs) {
      const items = region.querySelectorAll('[role="listitem"]');
      const last = items[items.length - 1];
      const size = last?.getAttribute("aria-setsize");
      if (size && size !== "-1" && last?.getAttribute("aria-posinset") === size)
        return performance.now() - clickAt;
      region.scrollTop = region.scrollHeight;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    throw new Error("the agenda did not reach its last row in time");
  }, 60_000);
  return { firstRows, allRows };
}

/** The app's calls of one run, made again straight to the sandbox, one after another. */
async function replayDirect(calls: JournalEntry[], query: string, token: string) {
  const started = performance.now();
  let first = 0;
  for (const call of calls) {
    const response = await fetch(`${sandboxUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        "indeed-client-id": "lobby-local",
      },
      body: JSON.stringify({ query, operationName: OPERATION, variables: call.variables }),
    });
    const answer = (await response.json()) as { errors?: unknown };
    if (!response.ok || answer.errors) throw new Error(`direct call: ${JSON.stringify(answer)}`);
    if (first === 0) first = performance.now() - started;
  }
  return { first, all: performance.now() - started, calls: calls.length };
}

async function main() {
  ensureBuild();
  const started: Started[] = [];
  let browser: Browser | undefined;
  try {
    started.push(await startSandbox());
    started.push(await startApp());
    // The benchmark's own calls must not be throttled by the sandbox's per-client budget.
    await control("/_sandbox/ratelimit/graphql", { budget: 1_000_000 });
    const todayUtc = Math.floor(Date.now() / DAY) * DAY;
    await control("/_sandbox/events/bulk", {
      employerId: EMPLOYER,
      count: EVENTS,
      from: `${new Date(todayUtc - 6 * DAY).toISOString().slice(0, 19)}+00:00`,
      days: 6,
    });
    const { access_token: token } = (await control("/_sandbox/oauth/tokens", {
      user: "u-dana",
      employer: EMPLOYER,
    })) as { access_token: string };
    const definition = findOperation(operations, OPERATION);
    if (!definition) throw new Error(`${OPERATION} is not registered`);
    const query = print(definition.document);

    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu"],
    });
    const context = await browser.newContext({
      baseURL: appUrl,
      locale: "en-US",
      timezoneId: VIEWER_ZONE,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await signIn(page, { account: "Dana Recruiter", employer: "Acme Robotics" });

    const runs: Run[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const since = await lastJournalSeq();
      const browserTimes = await changeRange(page);
      const calls = await journal(since);
      if (calls.length === 0) throw new Error(`the app made no ${OPERATION} call`);
      const direct = await replayDirect(calls, query, token);
      if (i >= WARMUP) runs.push({ ...browserTimes, direct });
    }

    const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(10);
    const ratio = (a: number, b: number) => (a / b).toFixed(1).padStart(8);
    const callCounts = [...new Set(runs.map((run) => run.direct.calls))].join("/");
    console.log(
      `\n${EVENTS.toLocaleString("en-US")} events in "Last 7 days", ${RUNS} range changes (after ${WARMUP} warm-up), ${callCounts} ${OPERATION} calls per change\n`,
    );
    console.log(
      `${"measure".padEnd(14)}${"app p50".padStart(10)}${"app p95".padStart(10)}${"direct p50".padStart(12)}${"direct p95".padStart(12)}${"× p50".padStart(8)}${"× p95".padStart(8)}`,
    );
    const rows = [
      {
        name: "first rows",
        app: stats(runs.map((run) => run.firstRows)),
        direct: stats(runs.map((run) => run.direct.first)),
      },
      {
        name: "all rows",
        app: stats(runs.map((run) => run.allRows)),
        direct: stats(runs.map((run) => run.direct.all)),
      },
    ];
    for (const row of rows) {
      console.log(
        `${row.name.padEnd(14)}${ms(row.app.p50)}${ms(row.app.p95)}${ms(row.direct.p50).padStart(12)}${ms(row.direct.p95).padStart(12)}${ratio(row.app.p50, row.direct.p50)}${ratio(row.app.p95, row.direct.p95)}`,
      );
    }
  } finally {
    await browser?.close();
    for (const server of started.reverse()) await server.stop();
  }
}

await main();
