import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { registerCachedReads } from "@/lib/indeed/cached-reads";
import { indeedKeys } from "@/lib/indeed/query-keys";
import { submitLeavingEmployer } from "./employer-menu";

describe("submitLeavingEmployer", () => {
  it("drops every cached read before the switch or sign-out form posts", () => {
    const queryClient = new QueryClient();
    registerCachedReads(queryClient);
    queryClient.setQueryData(indeedKeys.operation("emp-acme", "FindInterviews", { first: 100 }), {
      findVirtualInterviewEvents: { totalCount: 3 },
    });
    queryClient.setQueryData([...indeedKeys.all("emp-acme"), "ledger", ["e1"]], []);
    const cachedWhenSubmitted: number[] = [];
    const form = {
      requestSubmit: () => cachedWhenSubmitted.push(queryClient.getQueryCache().getAll().length),
    } as unknown as HTMLFormElement;

    expect(queryClient.getQueryCache().getAll()).toHaveLength(2);
    submitLeavingEmployer(form);

    expect(cachedWhenSubmitted).toEqual([0]);
    expect(
      queryClient.getQueryData(indeedKeys.operation("emp-acme", "FindInterviews", { first: 100 })),
    ).toBeUndefined();
  });
});
