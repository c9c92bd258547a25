import type { Metadata } from "next";
import Link from "next/link";
import { SignInButton } from "@/components/auth/sign-in-button";
import { SIGN_IN_ERRORS, signInErrorCode } from "@/lib/auth/sign-in-errors";

export const metadata: Metadata = { title: "Sign-in problem" };
export const dynamic = "force-dynamic";

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const code = signInErrorCode((await searchParams).error);
  const { title, body } = SIGN_IN_ERRORS[code];
  return (
    <section
      className="mx-auto max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm"
      data-error-code={code}
    >
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="text-slate-700">{body}</p>
      <div className="flex flex-wrap items-center gap-4">
        <SignInButton>Try again</SignInButton>
        <Link href="/" className="text-sm text-brand-700 underline underline-offset-4">
          Back to Lobby
        </Link>
      </div>
    </section>
  );
}
