import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

/** 404: an unknown page, a malformed address, or an id that is not one of this employer's. */
export default function NotFound() {
  return (
    <section className="mx-auto max-w-xl space-y-4" data-testid="not-found">
      <p className="text-sm font-medium text-brand-700">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">This page does not exist</h1>
      <p className="text-slate-700">
        The address may be mistyped, or the interview or application may belong to another employer
        account. Check the link, or find it from the lists.
      </p>
      <nav aria-label="Where to go" className="flex flex-wrap gap-4">
        <Link href="/applications" className="text-brand-700 underline underline-offset-4">
          Applications
        </Link>
        <Link href="/interviews" className="text-brand-700 underline underline-offset-4">
          Interviews
        </Link>
        <Link href="/" className="text-brand-700 underline underline-offset-4">
          Home
        </Link>
      </nav>
    </section>
  );
}
