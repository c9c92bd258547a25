import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { getEmployerSession } from "@/lib/auth/current-session";

export const metadata: Metadata = { title: "No access" };

/**
 * 403: the session acts for an employer that Indeed no longer lists for this user (the way out
 * is another of their employers, the same switch as the header's menu, or signing out), or the
 * page is for the employer's admins only (lib/auth/roles.ts).
 */
export default async function Forbidden() {
  const session = await getEmployerSession().catch(() => null);
  if (session?.employerAccess)
    return (
      <section className="mx-auto max-w-xl space-y-4" data-testid="forbidden">
        <h1 className="text-2xl font-semibold tracking-tight">Only admins can open this page</h1>
        <p className="text-slate-700">
          This page is for admins of {session.employer.name} in Lobby. An admin can make you one on
          the Team page.
        </p>
        <Link href="/settings/team" className="text-brand-700 underline underline-offset-4">
          See who is an admin
        </Link>
      </section>
    );
  const others = session?.employers.filter((e) => e.id !== session.employer.id) ?? [];
  return (
    <section className="mx-auto max-w-xl space-y-4" data-testid="forbidden">
      <h1 className="text-2xl font-semibold tracking-tight">You no longer have access</h1>
      <p className="text-slate-700">
        {session
          ? `Indeed no longer lists ${session.employer.name} among your employer accounts, so Lobby cannot act for it.`
          : "You do not have access to this page."}{" "}
        Ask the employer&apos;s Indeed administrator if this is a mistake.
      </p>
      {others.length > 0 && (
        <form method="post" action="/api/session/employer" className="flex flex-wrap gap-3">
          <input type="hidden" name="returnTo" value="/" />
          {others.map((employer) => (
            <Button key={employer.id} type="submit" name="employerId" value={employer.id}>
              Continue as {employer.name}
            </Button>
          ))}
        </form>
      )}
      <Link href="/" className="text-brand-700 underline underline-offset-4">
        Back to Lobby
      </Link>
    </section>
  );
}
