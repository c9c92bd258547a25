import { afterEach, describe, expect, it, vi } from "vitest";
import { clearCachedReads } from "./cached-reads";
import { tabQueryClient } from "./query-provider";

describe("tabQueryClient", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("gives each server render a client of its own", () => {
    const first = tabQueryClient();
    first.setQueryData(["events"], ["acme's"]);
    expect(tabQueryClient()).not.toBe(first);
    expect(tabQueryClient().getQueryData(["events"])).toBeUndefined();
  });

  it("keeps one client per browser tab, which leaving an employer clears", () => {
    vi.stubGlobal("window", {});
    const client = tabQueryClient();
    expect(tabQueryClient()).toBe(client);
    client.setQueryData(["events"], ["acme's"]);
    clearCachedReads();
    expect(client.getQueryData(["events"])).toBeUndefined();
  });
});
