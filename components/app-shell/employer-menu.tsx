"use client";

import { useRef } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { clearCachedReads } from "@/lib/indeed/cached-reads";

interface Employer {
  id: string;
  name: string;
}

/**
 * Leaving an employer (a switch or sign-out): every cached read is dropped before the form
 * posts, so nothing of this employer's can show under the next one, even from a page the
 * browser restores from its back-forward cache.
 */
export function submitLeavingEmployer(form: HTMLFormElement | null) {
  clearCachedReads();
  form?.requestSubmit();
}

/**
 * The account menu: the active employer, the others to switch to, and sign-out. Each action is
 * a same-origin form POST (works without JavaScript via the fallback buttons in the forms).
 */
export function EmployerMenu({
  userLabel,
  employer,
  employers,
  returnTo,
}: {
  userLabel: string;
  employer: Employer;
  employers: Employer[];
  returnTo: string;
}) {
  const switchForm = useRef<HTMLFormElement>(null);
  const employerInput = useRef<HTMLInputElement>(null);
  const signOutForm = useRef<HTMLFormElement>(null);
  const others = employers.filter((e) => e.id !== employer.id);

  return (
    <>
      <form ref={switchForm} method="post" action="/api/session/employer" hidden>
        <input ref={employerInput} type="hidden" name="employerId" defaultValue="" />
        <input type="hidden" name="returnTo" value={returnTo} />
      </form>
      <form ref={signOutForm} method="post" action="/api/session/sign-out" hidden />
      <DropdownMenu>
        <DropdownMenuTrigger
          className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 hover:bg-slate-50"
          data-testid="account-menu"
        >
          <span className="font-medium" data-testid="active-employer">
            {employer.name}
          </span>
          <span className="sr-only">, signed in as </span>
          <span className="hidden text-slate-600 sm:inline">· {userLabel}</span>
          <span aria-hidden="true">▾</span>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel>Signed in as {userLabel}</DropdownMenuLabel>
          {others.length > 0 && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuLabel>Switch employer</DropdownMenuLabel>
              {others.map((other) => (
                <DropdownMenuItem
                  key={other.id}
                  onSelect={() => {
                    if (!employerInput.current || !switchForm.current) return;
                    employerInput.current.value = other.id;
                    submitLeavingEmployer(switchForm.current);
                  }}
                >
                  {other.name}
                </DropdownMenuItem>
              ))}
            </>
          )}
          <DropdownMenuSeparator />
          <DropdownMenuItem
            tone="danger"
            onSelect={() => submitLeavingEmployer(signOutForm.current)}
          >
            Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
