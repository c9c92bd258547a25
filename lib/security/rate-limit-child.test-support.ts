// A second "app process" for rate-limit.pg.test.ts: Lobby's own limiters (configured from the
// environment, DATABASE_URL included) spend CHILD_ATTEMPTS points of one user's GraphQL budget
// at once when the test says go. Prints `{ "allowed": n }`.
import { databaseHandle } from "@/lib/db/client";
import { rateLimiters } from "./rate-limit";

const limiters = await rateLimiters();
console.log("ready");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
process.stdin.destroy();
try {
  const outcomes = await Promise.all(
    Array.from({ length: Number(process.env.CHILD_ATTEMPTS ?? 30) }, () =>
      limiters.graphql.consume(process.env.CHILD_KEY!),
    ),
  );
  console.log(JSON.stringify({ allowed: outcomes.filter((o) => o.allowed).length }));
} finally {
  await databaseHandle().close();
}
