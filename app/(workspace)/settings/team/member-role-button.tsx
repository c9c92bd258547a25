"use client";

import { useState, useTransition } from "react";
import { buttonClassName } from "@/components/ui/button-class-name";
import type { RoleChangeState } from "./actions";

/** One member's role change, with the server's refusal shown beside the button. */
export function MemberRoleButton({
  action,
  userId,
  memberLabel,
  makeAdmin,
}: {
  action: (input: { userId: string; role: "admin" | "member" }) => Promise<RoleChangeState>;
  userId: string;
  memberLabel: string;
  makeAdmin: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-1">
      {/* Native, not <Button>: that would bring Radix's Slot into the page's first load. */}
      <button
        type="button"
        className={buttonClassName({ size: "sm", variant: "outline" })}
        disabled={pending}
        aria-busy={pending || undefined}
        onClick={() => {
          setError(null);
          startTransition(async () => {
            const answer = await action({ userId, role: makeAdmin ? "admin" : "member" });
            if (answer.error) setError(answer.error);
          });
        }}
      >
        {makeAdmin ? "Make admin" : "Remove admin"}
        <span className="sr-only"> for {memberLabel}</span>
      </button>
      <p aria-live="polite" className="text-sm text-red-700 empty:hidden">
        {error}
      </p>
    </div>
  );
}
