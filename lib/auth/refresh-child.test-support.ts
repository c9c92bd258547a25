// A second "app process" for tokens.int.test.ts: runs the token service against the same
// PostgreSQL database and asks for one connection's access token CHILD_CONCURRENCY times at
// once, when the test says go. Prints `{ "tokens": [...] }` (the test compares them; they are sandbox tokens).
import { openPostgres } from "@/lib/db/client";
import { createTokenService } from "./tokens";

const env = process.env;
const handle = openPostgres(env.CHILD_DATABASE_URL!, 10);
const service = createTokenService({
  db: handle.db,
  key: Buffer.from(env.CHILD_KEY!, "base64"),
  oauth: {
    issuer: env.CHILD_ISSUER!,
    clientId: "lobby-local",
    clientSecret: "lobby-local-secret",
    sandbox: true,
  },
  log: (message) => console.error(`[child ${process.pid}] ${message}`),
});
// Both processes must ask at the same moment: say "ready", wait for "go" on stdin.
await handle.db.execute("select 1");
console.log("ready");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
process.stdin.destroy();
try {
  const count = Number(env.CHILD_CONCURRENCY ?? 25);
  const tokens = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      service.getAccessToken(env.CHILD_CONNECTION_ID!).then((t) => {
        if (env.CHILD_DEBUG) console.error(`[child ${process.pid}] caller ${i} done`);
        return t;
      }),
    ),
  );
  console.log(JSON.stringify({ tokens }));
} finally {
  await handle.close();
}
