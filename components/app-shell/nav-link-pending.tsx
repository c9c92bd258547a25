"use client";

import { useLinkStatus } from "next/link";
import { classNames } from "@/components/ui/class-names";

/**
 * Inside a header link: a bar under it while the page it opens is on its way. The work pages
 * have no loading skeleton (ADR 0094), so this is what answers a click at once.
 */
export function NavLinkPending() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden="true"
      className={classNames(
        "pointer-events-none absolute inset-x-1 -bottom-1 h-0.5 rounded bg-brand-600 transition-opacity",
        pending ? "opacity-100 motion-safe:animate-pulse" : "opacity-0",
      )}
    />
  );
}
