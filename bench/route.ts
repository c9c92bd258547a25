import { execSync } from "node:child_process";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { print } from "graphql";
import { findOperation } from "../lib/indeed/operation";
import { operations } from "../lib/operations";
import {
  appUrl,
  control,
  cpuSeconds,
  ensureBuild,
  sandboxUrl,
  signInCookie,
  startApp,
  startSandbox,
  type Started,
} from "./servers";

// `npm run bench:route`: Lobby's whole server path (a production build under `next start`)
// against a direct call. The same FindInterviews query (first 20 of 500 events) is sent with
// autocannon straight to the sandbox's /graphql with Dana's bearer token, and through
// POST /api/indeed/graphql with her signed-in cookie, in the same run, at 0 ms and at 100 ms
// upstream latency (the sandbox's latency fault), on PGlite and, when DATABASE_URL is set, on
// a throwaway PostgreSQL database created next to it. Prints req/s, p50 and p99 of each, the
// ratios, and the app process's CPU time per route request, then the same POST without the
// session (answered 401 at once) as Next's own floor. Stops everything it started.
// Each pair is measured in BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS (default 8) per
// side, direct first in one round and the route first in the next, and the row printed is the
// round with the median throughput ratio, with the spread of the rounds' ratios beside it: on
// a shared machine the load moves between two back-to-back measurements, and one pair alone
// reads that as the route's cost or gain. The CPU per route request is over every round.
// BENCH_CONNECTIONS (default 32) changes the load. Not a test.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const LATENCIES = [0, 100];
const EMPLOYER = "emp-acme-robotics";
const floors: { kind: string; rps: number; p50: number; cpuMs: number }[] = [];

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
}

async function load(options: {
  url: string;
  headers: Record<string, string>;
  body: string;
  seconds: number;
}): Promise<Measured> {
  const result = await autocannon({
    url: options.url,
    method: "POST",
    headers: options.headers,
    body: options.body,
    connections: CONNECTIONS,
    duration: options.seconds,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

async function check(url: string, headers: Record<string, string>, body: string) {
  const response = await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${text.slice(0, 300)}`);
  const parsed = JSON.parse(text) as {
    data?: { findVirtualInterviewEvents?: { events?: unknown[] } };
  };
  const events = parsed.data?.findVirtualInterviewEvents?.events?.length;
  if (events !== 20) throw new Error(`${url}: expected 20 events, got ${events}`);
}

function postgresDatabase(base: string): { url: string; drop(): void } {
  const name = `lobby_bench_${process.pid}`;
  const admin = new URL(base);
  const psql = (sql: string) =>
    execSync(`psql "${admin.toString()}" -v ON_ERROR_STOP=1 -qc "${sql}"`, { stdio: "pipe" });
  psql(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function measureDatabase(kind: string, databaseUrl: string | undefined) {
  const app = await startApp({ databaseUrl });
  const stopApp: Started["stop"] = () => app.stop();
  try {
    const cookie = await signInCookie("Dana Recruiter", "Acme Robotics");
    const { access_token: token } = (await control("/_sandbox/oauth/tokens", {
      user: "u-dana",
      employer: EMPLOYER,
    })) as { access_token: string };

    const definition = findOperation(operations, "FindInterviews");
    if (!definition) throw new Error("FindInterviews is not registered");
    // A day from now: the window holds every one of the 500 future events, and the page is 20.
    const variables = {
      first: 20,
      input: { startTime: { after: new Date(Date.now() + 60_000).toISOString() } },
    };
    const direct = {
      url: `${sandboxUrl}/graphql`,
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        "indeed-client-id": "lobby-local",
      },
      body: JSON.stringify({
        query: print(definition.document),
        operationName: "FindInterviews",
        variables,
      }),
    };
    const route = {
      url: `${appUrl}/api/indeed/graphql`,
      headers: {
        "content-type": "application/json",
        cookie,
        origin: appUrl,
        "sec-fetch-site": "same-origin",
      },
      body: JSON.stringify({ operationName: "FindInterviews", variables }),
    };
    await check(direct.url, direct.headers, direct.body);
    await check(route.url, route.headers, route.body);

    const rows = [];
    for (const latencyMs of LATENCIES) {
      if (latencyMs > 0)
        await control("/_sandbox/faults/graphql", { operationName: "*", latencyMs });
      else await control("/_sandbox/faults/graphql/clear", {});
      // Warm both paths (JIT, pools) before anything is counted.
      await load({ ...direct, seconds: 2 });
      await load({ ...route, seconds: 2 });
      const rounds: { direct: Measured; route: Measured }[] = [];
      let routeCpuSeconds = 0;
      const measureRoute = async () => {
        const cpuBefore = cpuSeconds(app.process.pid!);
        const windowStart = process.hrtime.bigint() / 1000n;
        const result = await load({ ...route, seconds: SECONDS });
        routeCpuSeconds += cpuSeconds(app.process.pid!) - cpuBefore;
        // The same monotonic clock as the samples of the app's BENCH_CPU_PROF profile.
        if (process.env.BENCH_CPU_PROF)
          console.log(
            `route at ${latencyMs} ms: profile window ${windowStart}-${process.hrtime.bigint() / 1000n} µs`,
          );
        return result;
      };
      for (let round = 0; round < ROUNDS; round++) {
        if (round % 2 === 0) {
          const directResult = await load({ ...direct, seconds: SECONDS });
          rounds.push({ direct: directResult, route: await measureRoute() });
        } else {
          const routeResult = await measureRoute();
          rounds.push({ direct: await load({ ...direct, seconds: SECONDS }), route: routeResult });
        }
      }
      const ratioOf = (one: (typeof rounds)[number]) => one.route.rps / one.direct.rps;
      rounds.sort((a, b) => ratioOf(a) - ratioOf(b));
      const median = rounds[Math.floor((rounds.length - 1) / 2)]!;
      const routeRequests = rounds.reduce((sum, one) => sum + one.route.requests, 0);
      rows.push({
        kind,
        latencyMs,
        ...median,
        cpuMs: (routeCpuSeconds * 1000) / routeRequests,
        ratioSpread: [ratioOf(rounds[0]!), ratioOf(rounds.at(-1)!)] as const,
      });
    }
    await control("/_sandbox/faults/graphql/clear", {});

    // The floor: the same POST without the cookie is answered 401 by the route wrapper before
    // any session, database or Indeed work, so its CPU is Next's own per request (plus a few
    // header checks): what no change to Lobby's code can go under.
    const anonymous = { ...route, headers: { ...route.headers, cookie: "" } };
    await load({ ...anonymous, seconds: 2 });
    const floorCpuBefore = cpuSeconds(app.process.pid!);
    const floorResult = await load({ ...anonymous, seconds: SECONDS });
    const floorCpuMs =
      ((cpuSeconds(app.process.pid!) - floorCpuBefore) * 1000) / floorResult.requests;
    floors.push({ kind, rps: floorResult.rps, p50: floorResult.p50, cpuMs: floorCpuMs });
    return rows;
  } finally {
    await stopApp();
  }
}

function report(rows: Awaited<ReturnType<typeof measureDatabase>>) {
  const header =
    "upstream  database    direct req/s  route req/s  ratio  ratios (rounds)  p50 direct  p50 route  p50 ratio  p99 direct  p99 route  route CPU/req  failures";
  console.log(header);
  for (const r of rows) {
    console.log(
      [
        `${r.latencyMs} ms`.padEnd(8),
        r.kind.padEnd(10),
        r.direct.rps.toFixed(0).padStart(12),
        r.route.rps.toFixed(0).padStart(11),
        (r.route.rps / r.direct.rps).toFixed(2).padStart(5),
        r.ratioSpread
          .map((ratio) => ratio.toFixed(2))
          .join("-")
          .padStart(15),
        `${r.direct.p50} ms`.padStart(10),
        `${r.route.p50} ms`.padStart(9),
        (r.route.p50 / r.direct.p50).toFixed(2).padStart(9),
        `${r.direct.p99} ms`.padStart(10),
        `${r.route.p99} ms`.padStart(9),
        `${r.cpuMs.toFixed(2)} ms`.padStart(13),
        `${r.direct.failures}/${r.route.failures}`.padStart(8),
      ].join("  "),
    );
  }
}

async function main() {
  ensureBuild();
  const sandbox = await startSandbox();
  const rows = [];
  try {
    await control("/_sandbox/events/bulk", { employerId: EMPLOYER, count: 500 });
    // The sandbox's per-client budget would otherwise throttle the load itself.
    await control("/_sandbox/ratelimit/graphql", { budget: 10_000_000 });
    rows.push(...(await measureDatabase("PGlite", undefined)));
    if (process.env.DATABASE_URL) {
      const database = postgresDatabase(process.env.DATABASE_URL);
      try {
        rows.push(...(await measureDatabase("PostgreSQL", database.url)));
      } finally {
        database.drop();
      }
    }
  } finally {
    await sandbox.stop();
  }
  console.log(
    `FindInterviews, first 20 of 500 events; ${CONNECTIONS} connections; ${ROUNDS} rounds of ${SECONDS} s per side, ` +
      `the median round's figures; ` +
      `load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")}`,
  );
  report(rows);
  for (const floor of floors)
    console.log(
      `floor (${floor.kind}): the route refusing without a session (401), Next's own cost: ` +
        `${floor.rps.toFixed(0)} req/s, p50 ${floor.p50} ms, ${floor.cpuMs.toFixed(2)} ms CPU/req`,
    );
}

await main();
