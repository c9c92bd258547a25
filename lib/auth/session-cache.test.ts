import { describe, expect, it } from "vitest";
import { ConnectionCache } from "./session-cache";

describe("ConnectionCache", () => {
  const put = (cache: ConnectionCache<string>, key: string, connectionId: string, now = 0) =>
    cache.set(key, `${key}-value`, { connectionId, now, generation: cache.generation() });

  it("answers within the TTL and forgets at its end", () => {
    const cache = new ConnectionCache<string>(5_000);
    put(cache, "cookie-a", "conn-1", 1_000);
    expect(cache.get("cookie-a", 5_999)).toBe("cookie-a-value");
    expect(cache.get("cookie-a", 6_000)).toBeUndefined();
    expect(cache.get("cookie-a", 1_000)).toBeUndefined();
  });

  it("never keeps an entry past the moment its owner gives", () => {
    const cache = new ConnectionCache<string>(5_000);
    cache.set("cookie-a", "v", { connectionId: "c", now: 0, generation: 0, notAfter: 2_000 });
    expect(cache.get("cookie-a", 1_999)).toBe("v");
    expect(cache.get("cookie-a", 2_000)).toBeUndefined();
    cache.set("cookie-b", "v", { connectionId: "c", now: 3_000, generation: 0, notAfter: 2_000 });
    expect(cache.get("cookie-b", 3_000)).toBeUndefined();
  });

  it("forgets every entry of a connection, and only those", () => {
    const cache = new ConnectionCache<string>(5_000);
    put(cache, "cookie-a", "conn-1");
    put(cache, "cookie-b", "conn-1");
    put(cache, "cookie-c", "conn-2");
    cache.forgetConnection("conn-1");
    expect(cache.get("cookie-a", 1)).toBeUndefined();
    expect(cache.get("cookie-b", 1)).toBeUndefined();
    expect(cache.get("cookie-c", 1)).toBe("cookie-c-value");
  });

  it("drops a value loaded before a forget and stored after it (a read racing a sign-out)", () => {
    const cache = new ConnectionCache<string>(5_000);
    const generation = cache.generation();
    cache.forgetConnection("conn-1");
    cache.set("cookie-a", "stale", { connectionId: "conn-1", now: 0, generation });
    expect(cache.get("cookie-a", 1)).toBeUndefined();
    const deleted = cache.generation();
    cache.delete("cookie-b");
    cache.set("cookie-b", "stale", { connectionId: "conn-2", now: 0, generation: deleted });
    expect(cache.get("cookie-b", 1)).toBeUndefined();
  });

  it("stores nothing with a TTL of 0", () => {
    const cache = new ConnectionCache<string>(0);
    put(cache, "cookie-a", "conn-1");
    expect(cache.get("cookie-a", 0)).toBeUndefined();
  });

  it("lets the oldest entry go past its size", () => {
    const cache = new ConnectionCache<string>(5_000, 2);
    put(cache, "a", "c");
    put(cache, "b", "c");
    put(cache, "c", "c");
    expect(cache.get("a", 1)).toBeUndefined();
    expect(cache.get("b", 1)).toBe("b-value");
    expect(cache.get("c", 1)).toBe("c-value");
  });
  it("runs one load for the misses of a key that overlap, and a new one once it ended", async () => {
    const cache = new ConnectionCache<string>(5_000);
    let loads = 0;
    let finish!: (value: string) => void;
    const load = () => {
      loads++;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const together = [cache.loadOnce("cookie-a", load), cache.loadOnce("cookie-a", load)];
    const other = cache.loadOnce("cookie-b", () => Promise.resolve("b"));
    finish("a");
    expect(await Promise.all(together)).toEqual(["a", "a"]);
    expect(await other).toBe("b");
    expect(loads).toBe(1);
    const after = cache.loadOnce("cookie-a", load);
    finish("again");
    expect(await after).toBe("again");
    expect(loads).toBe(2);
  });

  it("does not share a load begun before a forget with callers after it", async () => {
    const cache = new ConnectionCache<string>(5_000);
    const before = cache.loadOnce("cookie-a", () => Promise.resolve("before sign-out"));
    cache.forgetConnection("conn-1");
    const after = cache.loadOnce("cookie-a", () => Promise.resolve("after sign-out"));
    expect(await before).toBe("before sign-out");
    expect(await after).toBe("after sign-out");
  });

  it("shares a failed load's error, then loads again", async () => {
    const cache = new ConnectionCache<string>(5_000);
    const failing = () => Promise.reject(new Error("database down"));
    await expect(
      Promise.all([cache.loadOnce("k", failing), cache.loadOnce("k", failing)]),
    ).rejects.toThrow("database down");
    expect(await cache.loadOnce("k", () => Promise.resolve("up"))).toBe("up");
  });
});
