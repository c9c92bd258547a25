import type { Metadata } from "next";
import Link from "next/link";
import { requireEmployerSession } from "@/lib/auth/current-session";

export const metadata: Metadata = { title: "Could not switch employer" };
export const dynamic = "force-dynamic";

const MESSAGES: Record<string, string> = {
  FORBIDDEN:
    "Indeed does not let your account act for that employer. Ask its Indeed administrator for access.",
  RECONNECT_REQUIRED:
    "Indeed no longer accepts Lobby's connection to your account. Reconnect to Indeed, then switch.",
  INDEED_UNAVAILABLE:
    "Indeed is not answering right now. Your employer was not changed; try again in a moment.",
};

export default async function EmployerErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireEmployerSession("/");
  const code = (await searchParams).code;
  const message = (typeof code === "string" && MESSAGES[code]) || MESSAGES.INDEED_UNAVAILABLE;
  return (
    <section className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Could not switch employer</h1>
      <p className="text-slate-700">{message}</p>
      <p className="text-slate-700">You are still working for {session.employer.name}.</p>
      <Link href="/" className="text-brand-700 underline underline-offset-4">
        Back to Lobby
      </Link>
    </section>
  );
}
