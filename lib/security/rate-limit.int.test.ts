import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  journal,
  startIndeedTestbed,
  type IndeedTestbed,
  type SignedIn,
} from "@/lib/auth/sandbox-fixtures.test-support";
import { handleGraphqlRequest } from "@/lib/indeed/route-handler";
import { operations } from "@/lib/operations";
import { memoryRateLimiter, type RateLimiter } from "./rate-limit";

const APP = "http://localhost:3000";

// The per-user budget in front of a real Indeed client, sandbox and database (PGlite, or
// PostgreSQL with DATABASE_URL): a refused request never reaches Indeed.
describe(`the GraphQL route's per-user budget against the sandbox (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let bed: IndeedTestbed;
  let dana: SignedIn;
  let sam: SignedIn;

  beforeAll(async () => {
    bed = await startIndeedTestbed();
    dana = await bed.signIn("u-dana", "emp-acme-robotics");
    sam = await bed.signIn("u-sam", "emp-initech-foods");
  });
  afterAll(async () => {
    await bed?.close();
  });

  function find(who: SignedIn, limiter: RateLimiter) {
    return handleGraphqlRequest(
      new Request(`${APP}/api/indeed/graphql`, {
        method: "POST",
        headers: { origin: APP, "content-type": "application/json" },
        body: JSON.stringify({ operationName: "FindInterviews", variables: { input: {} } }),
      }),
      {
        appUrl: APP,
        getSession: async () => who.session,
        client: bed.client,
        operations,
        limiter,
        log: () => undefined,
      },
    );
  }

  const indeedCalls = async () =>
    (await journal(bed.sandbox.url, "kind=graphql&operation=FindInterviews&limit=500")).length;

  it("serves a user's budget, then answers 429 without calling Indeed, while another user goes on", async () => {
    const limiter = memoryRateLimiter({ name: "graphql-int", points: 4, durationSeconds: 60 });
    const before = await indeedCalls();
    for (let i = 0; i < 4; i++) expect((await find(dana, limiter)).status).toBe(200);
    const refused = await find(dana, limiter);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    expect((await indeedCalls()) - before).toBe(4);

    expect((await find(sam, limiter)).status).toBe(200);
    expect((await indeedCalls()) - before).toBe(5);
  });
});
