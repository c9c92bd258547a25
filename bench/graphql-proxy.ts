import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sandboxSettings, signInAs } from "../lib/auth/sandbox-fixtures.test-support";
import { createTokenService } from "../lib/auth/tokens";
import { createTestDatabase } from "../lib/db/testing.test-support";
import { createIndeedClient } from "../lib/indeed/client";
import { findOperation } from "../lib/indeed/operation";
import { handleGraphqlRequest } from "../lib/indeed/route-handler";
import { operations, services } from "../lib/operations";
import { startSandbox } from "../sandbox/server";

// `npm run bench:proxy`: what Lobby's server path costs on top of Indeed's answer. The same
// FindInterviews query, timed three ways in one run against one in-process sandbox:
//   direct  a plain POST to the sandbox's /graphql with a bearer token;
//   client  Lobby's Indeed client: token service (database read, decrypt), variables schema,
//           the call, error mapping;
//   route   the GraphQL route handler around the client: origin check, body limit, JSON and
//           registry validation, response mapping (the session lookup is given).
// Prints p50/p95 per path and the ratios to direct. It is not a test.

const CALLS = 300;
const WARMUP = 40;
const APP_URL = "http://localhost:3000";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(run: () => Promise<void>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main() {
  const sandbox = await startSandbox({
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), "lobby-bench-")),
    ephemeral: true,
  });
  const database = await createTestDatabase();
  const quiet = () => undefined;
  const tokens = createTokenService({
    db: database.db,
    key: randomBytes(32),
    oauth: sandboxSettings(sandbox.url),
    log: quiet,
  });
  const { session, tokens: issued } = await signInAs(
    { db: database.db, tokens, sandboxUrl: sandbox.url },
    { user: "u-dana", employer: "emp-acme-robotics" },
  );
  await fetch(`${sandbox.url}/_sandbox/events/bulk`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ employerId: "emp-acme-robotics", count: 500 }),
  }).then((r) => {
    if (!r.ok) throw new Error(`bulk create: ${r.status}`);
  });
  // The sandbox's rate limit would otherwise throttle the benchmark itself.
  await fetch(`${sandbox.url}/_sandbox/ratelimit/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ budget: 1_000_000 }),
  });

  const client = createIndeedClient({
    operations,
    services,
    tokens,
    db: database.db,
    graphqlUrl: `${sandbox.url}/graphql`,
    clientId: "lobby-local",
    atsName: "Lobby",
    log: quiet,
  });
  const variables = { first: 20, input: { startTime: { after: new Date().toISOString() } } };
  const definition = findOperation(operations, "FindInterviews");
  if (!definition) throw new Error("FindInterviews is not registered");
  const { print } = await import("graphql");
  const query = print(definition.document);

  const direct = async () => {
    const response = await fetch(`${sandbox.url}/graphql`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${issued.access_token}`,
        "indeed-client-id": "lobby-local",
      },
      body: JSON.stringify({ query, operationName: "FindInterviews", variables }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`direct: ${JSON.stringify(body.errors)}`);
  };
  const viaClient = async () => {
    await client.execute(session, "FindInterviews", variables);
  };
  const viaRoute = async () => {
    const response = await handleGraphqlRequest(
      new Request(`${APP_URL}/api/indeed/graphql`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Origin: APP_URL,
          "Sec-Fetch-Site": "same-origin",
        },
        body: JSON.stringify({ operationName: "FindInterviews", variables }),
      }),
      { appUrl: APP_URL, getSession: async () => session, client, operations, log: quiet },
    );
    if (response.status !== 200)
      throw new Error(`route: ${response.status} ${await response.text()}`);
    await response.json();
  };

  const results = [
    { path: "direct", ...(await time(direct)) },
    { path: "client", ...(await time(viaClient)) },
    { path: "route", ...(await time(viaRoute)) },
  ];
  const base = results[0]!;
  console.log(
    `FindInterviews, first 20 of 500 events, ${CALLS} calls each after ${WARMUP} warm-up (${database.kind})`,
  );
  console.log("path     p50 ms   p95 ms   p50 / direct   p95 / direct");
  for (const r of results) {
    console.log(
      `${r.path.padEnd(8)} ${r.p50.toFixed(2).padStart(6)}   ${r.p95.toFixed(2).padStart(6)}   ${(r.p50 / base.p50).toFixed(2).padStart(12)}   ${(r.p95 / base.p95).toFixed(2).padStart(12)}`,
    );
  }
  await database.close();
  await sandbox.close();
}

await main();
