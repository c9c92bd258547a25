"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/**
 * An error in a page: the person learns nothing was lost, can try again, and gets a reference
 * (the error's digest) that matches the server's `[error] ref=…` log line.
 */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="mx-auto max-w-xl space-y-4" role="alert" data-testid="error-page">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold tracking-tight">
        Something went wrong on our side
      </h1>
      <p className="text-slate-700">
        Lobby could not show this page. Nothing you saved was lost. Try again; if it keeps
        happening, send support the reference below.
      </p>
      {error.digest && (
        <p className="text-sm text-slate-700">
          Reference: <code data-testid="error-reference">{error.digest}</code>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <Button onClick={reset}>Try again</Button>
        <Link href="/" className="text-sm text-brand-700 underline underline-offset-4">
          Back to Lobby
        </Link>
      </div>
    </section>
  );
}
