"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies a text (a lobby link) and says so, visibly and to screen readers. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        aria-label={label}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState("copied");
          } catch {
            setState("failed");
          }
          window.setTimeout(() => setState("idle"), 2500);
        }}
      >
        {state === "copied" ? "Copied" : "Copy"}
      </Button>
      <span aria-live="polite" className="sr-only">
        {state === "copied"
          ? "Link copied"
          : state === "failed"
            ? "Could not copy; select the link and copy it"
            : ""}
      </span>
    </>
  );
}
