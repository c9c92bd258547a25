import { requireEmployerSession } from "@/lib/auth/session";

export default async function HomePage() {
  const session = await requireEmployerSession("/");
  return (
    <section className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-semibold tracking-tight">Interviews with Indeed, from your ATS</h1>
      <p className="text-slate-700">
        You are scheduling for <strong>{session.employer.name}</strong>.
      </p>
      <p className="text-slate-700">
        Lobby schedules Indeed virtual interviews for your applicants: pick an application, press{" "}
        <em>Create interview with Indeed</em>, and Indeed hosts the lobby, the video and the
        recording, while your interviewers record their decisions.
      </p>
    </section>
  );
}
