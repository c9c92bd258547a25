import { afterEach, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/testing.test-support";

// The health route's report, against a real database and against one that has gone away.
describe("checkHealth", () => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    vi.resetModules();
    vi.doUnmock("@/lib/db/client");
    await handle?.close().catch(() => undefined);
    handle = undefined;
  });

  async function healthWith(database: DatabaseHandle) {
    vi.doMock("@/lib/db/client", () => ({ databaseHandle: () => database }));
    const { checkHealth } = await import("./check-health");
    return checkHealth();
  }

  it("reports ok while the database answers", async () => {
    handle = await createTestDatabase();
    expect(await healthWith(handle)).toMatchObject({ status: "ok", database: { status: "up" } });
  });

  it("reports the database down once it stops answering", async () => {
    handle = await createTestDatabase();
    const stopped = handle;
    await stopped.close();
    handle = undefined;
    expect(await healthWith(stopped)).toMatchObject({
      status: "degraded",
      database: { status: "down" },
    });
  });
});
