import Link from "next/link";
import { getEmployerSession } from "@/lib/auth/current-session";

export default async function HomePage() {
  const session = await getEmployerSession().catch(() => null);
  return (
    <section className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-semibold tracking-tight">
        Interviews with Indeed, from your ATS
      </h1>
      {session ? (
        <p className="text-slate-700" data-testid="home-employer">
          You are scheduling interviews for <strong>{session.employer.name}</strong>.
        </p>
      ) : (
        <p className="text-slate-700">
          <Link href="/signin" className="text-brand-700 underline underline-offset-4">
            Sign in with Indeed
          </Link>{" "}
          to schedule interviews for your employer.
        </p>
      )}
      <p className="text-slate-700">
        Lobby schedules Indeed virtual interviews for your applicants: pick an application, press{" "}
        <em>Create interview with Indeed</em>, and Indeed hosts the lobby, the video and the
        recording, while your interviewers record their decisions.
      </p>
    </section>
  );
}
