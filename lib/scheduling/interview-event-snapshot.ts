/**
 * The parts of a VirtualInterviewEvent that Lobby's ledger keeps. Every mutation's payload
 * carries `event` with these fields (the operations ask for them), all nullable in the schema.
 */
export interface InterviewEventSnapshot {
  id: string;
  status?: string | null;
  title?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  timezone?: string | null;
  intervieweesConnection?: {
    interviewees?: ({ email?: string | null; name?: string | null } | null)[] | null;
  } | null;
  interviewersConnection?: { interviewers?: ({ email?: string | null } | null)[] | null } | null;
}

export function intervieweeEmailOf(event: InterviewEventSnapshot): string | null {
  return event.intervieweesConnection?.interviewees?.find((person) => person?.email)?.email ?? null;
}

export function interviewerEmailsOf(event: InterviewEventSnapshot): string[] {
  return (event.interviewersConnection?.interviewers ?? []).flatMap((person) =>
    person?.email ? [person.email] : [],
  );
}
