import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox } from "../sandbox/server";

// `npm run bench:find`: findVirtualInterviewEvents latency over HTTP with 1,000 and with
// 100,000 events per employer, side by side. The store keeps each employer's events sorted,
// so the ratio should stay well under 2. Prints figures; it is not a test.

const CALLS = 200;
const WARMUP = 30;
const DAY = 86_400_000;
const SIZES = [
  { employerId: "emp-globex-logistics", count: 1_000 },
  { employerId: "emp-acme-robotics", count: 100_000 },
];

const FIND = `query FindEvents($first: Int, $after: String, $input: FindVirtualInterviewEventsInput!) {
  findVirtualInterviewEvents(first: $first, after: $after, input: $input) {
    events { id title startTime endTime status interviewersConnection { interviewers { email } } }
    pageInfo { endCursor hasNextPage } totalCount } }`;

interface Scenario {
  name: string;
  variables(fromMs: number): Record<string, unknown>;
  /** Whether to fetch the first page, then time the second one (through its cursor). */
  secondPage: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();
const scenarios: Scenario[] = [
  {
    name: "30-day window, by start",
    secondPage: false,
    variables: (from) => ({
      first: 20,
      input: { startTime: { after: iso(from), before: iso(from + 30 * DAY) } },
    }),
  },
  {
    name: "page 2 via cursor, by end desc",
    secondPage: true,
    variables: (from) => ({
      first: 20,
      input: {
        endTime: { after: iso(from), before: iso(from + 30 * DAY) },
        sort: { field: "END_TIME", direction: "DESC" },
      },
    }),
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const sandbox = await startSandbox({
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), "lobby-bench-")),
    ephemeral: true,
  });
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    const parsed = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(parsed)}`);
    return parsed;
  };
  try {
    await post("/_sandbox/ratelimit/graphql", { budget: 10_000_000 });
    const clock = (await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { now: string };
    const now = Date.parse(clock.now);
    const results: Record<string, { p50: number; p95: number }[]> = {};

    for (const size of SIZES) {
      const made = await post("/_sandbox/events/bulk", {
        employerId: size.employerId,
        count: size.count,
        days: 365,
      });
      console.log(
        `bulk-created ${size.count.toLocaleString("en-US")} events for ${size.employerId} in ${String(made.ms)} ms`,
      );
      const token = String(
        (await post("/_sandbox/oauth/tokens", { user: "u-dana", employer: size.employerId }))
          .access_token,
      );
      const headers = { Authorization: `Bearer ${token}`, "indeed-client-id": "lobby-local" };
      const find = (variables: Record<string, unknown>) =>
        post("/graphql", { query: FIND, variables }, headers);

      for (const scenario of scenarios) {
        const timings: number[] = [];
        for (let i = 0; i < WARMUP + CALLS; i++) {
          const from = now + Math.floor(Math.random() * 300) * DAY;
          let variables = scenario.variables(from);
          if (scenario.secondPage) {
            const first = await find(variables);
            const cursor = (
              first.data as {
                findVirtualInterviewEvents: { pageInfo: { endCursor: string | null } };
              }
            ).findVirtualInterviewEvents.pageInfo.endCursor;
            variables = { ...variables, after: cursor };
          }
          const started = performance.now();
          const answer = await find(variables);
          const elapsed = performance.now() - started;
          if (answer.errors) throw new Error(JSON.stringify(answer.errors));
          if (i >= WARMUP) timings.push(elapsed);
        }
        timings.sort((a, b) => a - b);
        (results[scenario.name] ??= []).push({
          p50: percentile(timings, 50),
          p95: percentile(timings, 95),
        });
      }
    }

    const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);
    console.log(
      `\nfindVirtualInterviewEvents over HTTP, ${CALLS} calls each (after ${WARMUP} warm-up calls), first: 20\n`,
    );
    console.log(
      `${"scenario".padEnd(32)}${"1k p50".padStart(10)}${"1k p95".padStart(10)}${"100k p50".padStart(10)}${"100k p95".padStart(10)}${"ratio p50".padStart(11)}${"ratio p95".padStart(11)}`,
    );
    for (const [name, [small, large]] of Object.entries(results)) {
      if (!small || !large) continue;
      console.log(
        `${name.padEnd(32)}${ms(small.p50)}${ms(small.p95)}${ms(large.p50)}${ms(large.p95)}${(large.p50 / small.p50).toFixed(2).padStart(11)}${(large.p95 / small.p95).toFixed(2).padStart(11)}`,
      );
    }
  } finally {
    await sandbox.close();
  }
}

await main();
