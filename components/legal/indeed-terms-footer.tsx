import Link from "next/link";
import { IndeedPolicyLinks } from "./indeed-policies";

/** Tells employers, on every page, that the Indeed integration runs under Indeed's policies. */
export function IndeedTermsFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-4 text-sm text-slate-700">
        <p>The Indeed integration is governed by Indeed&apos;s policies:</p>
        <IndeedPolicyLinks className="flex flex-wrap gap-x-4 gap-y-1" />
        <Link href="/privacy" className="ml-auto text-brand-700 underline underline-offset-4">
          How Lobby handles job seekers&apos; data
        </Link>
      </div>
    </footer>
  );
}
