// Next calls this once per server process before serving. A bad configuration stops the
// process here with a message naming the variable, and the database is brought up to date so
// no request ever meets a half-migrated schema.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config } = await import("@/lib/config");
  try {
    config();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const { prepareDatabase } = await import("@/lib/db/prepare");
  await prepareDatabase();
}
