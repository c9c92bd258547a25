"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback } from "react";
import { hrefWith } from "@/lib/calendar/search-query";

/** Navigates to this page with a new query: a history entry, so back and forward restore it. */
export function usePushQuery(): (query: URLSearchParams) => void {
  const router = useRouter();
  const pathname = usePathname();
  return useCallback(
    (query: URLSearchParams) => router.push(hrefWith(pathname, query), { scroll: false }),
    [router, pathname],
  );
}
