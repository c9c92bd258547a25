import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/auth/sign-in-button";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getEmployerSession } from "@/lib/auth/current-session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(
    Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl,
  );
  const session = await getEmployerSession().catch(() => null);
  if (session && session.connectionStatus === "active") redirect(callbackUrl);

  return (
    <section className="mx-auto max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Lobby</h1>
      {params.signedOut && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
          You are signed out. Lobby deleted its connection to your Indeed account.
        </p>
      )}
      <p className="text-slate-700">
        Lobby schedules Indeed virtual interviews on behalf of your employer account. Sign in with
        Indeed, choose the employer you hire for, and allow Lobby to schedule interviews.
      </p>
      <SignInButton callbackUrl={callbackUrl} size="lg" className="w-full">
        Sign in with Indeed
      </SignInButton>
      <p className="text-xs text-slate-600">
        The Indeed integration is governed by Indeed&apos;s{" "}
        <a className="underline" href="https://www.indeed.com/legal">
          terms
        </a>
        ,{" "}
        <a className="underline" href="https://www.indeed.com/legal?hl=en#cookies">
          cookie policy
        </a>{" "}
        and{" "}
        <a className="underline" href="https://www.indeed.com/legal?hl=en#privacy">
          privacy policy
        </a>
        .
      </p>
    </section>
  );
}
