import type { MutationName } from "@/lib/scheduling/operations";

/**
 * What Lobby sends to Indeed, operation by operation, in words a job seeker can check: each
 * variable path a mutation's prepared variables carry (`[]` marks a list's items) with what it
 * is. `/privacy` renders this list, and disclosure.test.ts walks the variables every mutation
 * actually prepares: a path sent but not listed here, or listed but never sent, fails the test.
 * Client-safe (no server imports).
 */

/** Whose data an item is: the job seeker's own, or about the interview and the employer. */
export type DisclosedSubject = "job seeker" | "interview" | "employer";

export interface DisclosedItem {
  /** The variable path, e.g. `input.interviewee.email`. */
  path: string;
  /** What it is, in plain words. */
  item: string;
  subject: DisclosedSubject;
  /**
   * Sent only with INDEED_SCHEMA_EXTENSIONS on (the sandbox's extended schema); Indeed's own
   * schema as the guide shows it has no such field.
   */
  schemaExtension?: true;
}

export interface OperationDisclosure {
  /** When this is sent: the employer's action in Lobby. */
  when: string;
  items: readonly DisclosedItem[];
}

const eventId: DisclosedItem = {
  path: "input.id",
  item: "Indeed's id of the interview being changed",
  subject: "interview",
};
const interviewee = (when: string): DisclosedItem[] => [
  {
    path: "input.interviewee.name",
    item: `your name, ${when}`,
    subject: "job seeker",
  },
  {
    path: "input.interviewee.email",
    item: `your email address, ${when}`,
    subject: "job seeker",
  },
];
const interviewers: DisclosedItem = {
  path: "input.interviewers[].email",
  item: "the email addresses of the employer's interviewers",
  subject: "employer",
};

/** Every mutation Lobby sends, in the order an interview's life goes. */
export const indeedDisclosure = {
  CreateInterview: {
    when: "When an employer creates an interview with Indeed",
    items: [
      ...interviewee("so that Indeed can invite you and remind you"),
      { path: "input.title", item: "the interview's title", subject: "interview" },
      {
        path: "input.startTime",
        item: "the interview's start time",
        subject: "interview",
      },
      { path: "input.endTime", item: "the interview's end time", subject: "interview" },
      { path: "input.timezone", item: "the interview's time zone", subject: "interview" },
      {
        path: "input.languageCode",
        item: "the interview's language, when the employer chose one",
        subject: "interview",
      },
      {
        path: "input.countryCode",
        item: "the interview's country, when the employer chose one",
        subject: "interview",
      },
      interviewers,
      {
        path: "input.requestMetadata.jobId",
        item: "the id of the job you applied to, in the employer's system",
        subject: "interview",
        schemaExtension: true,
      },
      {
        path: "input.requestMetadata.jobTitle",
        item: "the title of the job you applied to",
        subject: "interview",
        schemaExtension: true,
      },
      {
        path: "input.requestMetadata.atsName",
        item: "the name of this applicant tracking system (Lobby), as Indeed's terms require",
        subject: "employer",
      },
      {
        path: "input.requestMetadata.employerName",
        item: "the employer's name, as Indeed's terms require",
        subject: "employer",
      },
    ],
  },
  AddInterviewee: {
    when: "When an employer adds you to an interview created without a candidate",
    items: [eventId, ...interviewee("so that Indeed can invite you and remind you")],
  },
  RescheduleInterview: {
    when: "When an employer moves an interview",
    items: [
      eventId,
      { path: "input.startTime", item: "the new start time", subject: "interview" },
      { path: "input.endTime", item: "the new end time", subject: "interview" },
    ],
  },
  AddInterviewers: {
    when: "When an employer invites more interviewers",
    items: [eventId, interviewers],
  },
  SetInterviewTitle: {
    when: "When an employer renames an interview",
    items: [eventId, { path: "input.title", item: "the new title", subject: "interview" }],
  },
  SetInterviewTimezone: {
    when: "When an employer changes the time zone an interview is shown in",
    items: [eventId, { path: "input.timezone", item: "the new time zone", subject: "interview" }],
  },
  CancelInterview: {
    when: "When an employer cancels an interview",
    items: [eventId],
  },
} as const satisfies Record<MutationName, OperationDisclosure>;

/** The operations' disclosures as sent with or without the schema extensions. */
export function disclosureFor(
  schemaExtensions: boolean,
): { operation: MutationName; when: string; items: DisclosedItem[] }[] {
  return (Object.keys(indeedDisclosure) as MutationName[]).map((operation) => ({
    operation,
    when: indeedDisclosure[operation].when,
    items: indeedDisclosure[operation].items.filter(
      (item: DisclosedItem) => schemaExtensions || !item.schemaExtension,
    ),
  }));
}
