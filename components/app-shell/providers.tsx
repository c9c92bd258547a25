"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { IndeedEmployerProvider } from "@/lib/indeed/employer-context";

/** Client-side context: one react-query client per browser tab, and the active employer. */
export function Providers({
  employerId,
  children,
}: {
  employerId: string | null;
  children: ReactNode;
}) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <IndeedEmployerProvider employerId={employerId}>{children}</IndeedEmployerProvider>
    </QueryClientProvider>
  );
}
