"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { registerCachedReads } from "./cached-reads";

let browserClient: QueryClient | undefined;

function newQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
}

/**
 * One react-query client per browser tab, kept across the pages that mount the provider; on the
 * server a fresh one per render, so no request ever sees another's data.
 */
export function tabQueryClient(): QueryClient {
  if (typeof window === "undefined") return newQueryClient();
  if (!browserClient) {
    browserClient = newQueryClient();
    registerCachedReads(browserClient);
  }
  return browserClient;
}

/** Mounted by the pages that read or change Indeed's events in the browser (ADR 0091). */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(tabQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
