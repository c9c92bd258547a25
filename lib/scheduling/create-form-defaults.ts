import type { CreateInterviewFormValues } from "./interview-schemas";
import { toLocalParts } from "./time";

/** "Interview with Ada Lovelace for Data Analyst", shortened sensibly when parts are missing. */
export function defaultInterviewTitle(name?: string, jobTitle?: string): string {
  const who = name?.trim();
  const job = jobTitle?.trim();
  if (who && job) return `Interview with ${who} for ${job}`;
  if (who) return `Interview with ${who}`;
  if (job) return `Interview for ${job}`;
  return "Interview";
}

/** The create form's starting values: tomorrow 10:00–11:00 in `zone`, the applicant prefilled. */
export function createFormDefaults({
  name,
  email,
  jobTitle,
  zone,
  now = new Date(),
}: {
  name?: string;
  email?: string;
  jobTitle?: string;
  zone: string;
  now?: Date;
}): CreateInterviewFormValues {
  const tomorrow = toLocalParts(new Date(now.getTime() + 24 * 60 * 60 * 1000), zone).date;
  return {
    title: defaultInterviewTitle(name, jobTitle),
    date: tomorrow,
    startTime: "10:00",
    endDate: tomorrow,
    endTime: "11:00",
    timezone: zone,
    interviewers: [],
    intervieweeName: name?.trim() ?? "",
    intervieweeEmail: email?.trim() ?? "",
    languageCode: "",
    countryCode: "",
  };
}
