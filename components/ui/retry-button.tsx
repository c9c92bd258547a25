"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { buttonClassName } from "./button-class-name";
import { Spinner } from "./spinner";

/**
 * Renders the current page again on the server (its search params kept), for a page whose read
 * failed: no full reload, and the answer is the server's of now, never a cached failure.
 */
export function RetryButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className={buttonClassName({ variant: "outline" })}
      aria-disabled={pending || undefined}
      onClick={() => {
        if (!pending) startTransition(() => router.refresh());
      }}
    >
      {pending && <Spinner />}
      {pending ? "Trying again…" : "Try again"}
    </button>
  );
}
