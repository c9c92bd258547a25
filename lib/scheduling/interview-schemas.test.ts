import { describe, expect, it } from "vitest";
import { createInterview } from "./operations/create-interview";
import {
  addInterviewersFormSchema,
  createFormFieldForPath,
  createInterviewFormSchema,
  createVariablesFrom,
  rescheduleFormSchema,
  rescheduleVariablesFrom,
  uniqueEmails,
  type CreateInterviewFormValues,
} from "./interview-schemas";

const self = "recruiter@acme.example";
const options = { selfEmail: self, job: { externalId: "J-1", title: "Engineer" } };

function values(overrides: Partial<CreateInterviewFormValues> = {}): CreateInterviewFormValues {
  return {
    title: "Interview with Ada Lovelace for Engineer",
    date: "2026-03-08",
    startTime: "10:30",
    endDate: "2026-03-08",
    endTime: "11:30",
    timezone: "America/Los_Angeles",
    interviewers: ["grace@acme.example"],
    intervieweeName: "Ada Lovelace",
    intervieweeEmail: "ada@example.com",
    languageCode: "",
    countryCode: "",
    ...overrides,
  };
}

function errorsOf(input: CreateInterviewFormValues): Record<string, string[]> {
  const result = createInterviewFormSchema(options).safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues)
    (errors[issue.path.join(".") || "root"] ??= []).push(issue.message);
  return errors;
}

const others = (count: number) =>
  Array.from({ length: count }, (_, i) => `interviewer${i}@acme.example`);

describe("createInterviewFormSchema", () => {
  it("accepts a complete form", () => {
    expect(errorsOf(values())).toEqual({});
  });

  it("sends offset times, the job, and the other interviewers once each without the user", () => {
    const variables = createVariablesFrom(
      values({
        interviewers: ["Grace@Acme.example", "grace@acme.example", "RECRUITER@acme.example"],
      }),
      options,
    );
    expect(variables.input).toMatchObject({
      startTime: "2026-03-08T10:30:00-07:00",
      endTime: "2026-03-08T11:30:00-07:00",
      interviewers: [{ email: "Grace@Acme.example" }],
      interviewee: { name: "Ada Lovelace", email: "ada@example.com" },
      requestMetadata: { jobId: "J-1", jobTitle: "Engineer" },
    });
    expect(variables.input).not.toHaveProperty("languageCode");
    // The route checks with this same schema.
    expect(createInterview.variables.safeParse(variables).success).toBe(true);
  });

  it("leaves the interviewee out when both fields are empty", () => {
    expect(errorsOf(values({ intervieweeName: "", intervieweeEmail: "" }))).toEqual({});
    expect(
      createVariablesFrom(values({ intervieweeName: "", intervieweeEmail: "" }), options).input,
    ).not.toHaveProperty("interviewee");
  });

  it("refuses a start in the spring-forward gap at the start field", () => {
    expect(errorsOf(values({ startTime: "02:30", endTime: "04:00" })).startTime?.[0]).toMatch(
      /does not exist/,
    );
  });

  it("refuses an end before the start at the end field, once", () => {
    expect(errorsOf(values({ startTime: "11:00", endTime: "10:00" })).endTime).toEqual([
      "The end must be after the start.",
    ]);
  });

  it("refuses an interview over 24 hours", () => {
    expect(errorsOf(values({ endDate: "2026-03-09", endTime: "11:00" })).endTime).toEqual([
      "An interview can last at most 24 hours.",
    ]);
  });

  it("allows an overnight interview that ends the next day", () => {
    expect(
      errorsOf(values({ startTime: "23:00", endDate: "2026-03-09", endTime: "00:30" })),
    ).toEqual({});
  });

  it("counts the signed-in user: 48 others make 49 and pass, 49 others make 50 and fail", () => {
    expect(errorsOf(values({ interviewers: others(48) }))).toEqual({});
    expect(errorsOf(values({ interviewers: others(49) })).interviewers).toEqual([
      "An interview can have at most 49 interviewers, you included; remove 1.",
    ]);
  });

  it("accepts no other interviewers: the user alone is one", () => {
    expect(errorsOf(values({ interviewers: [] }))).toEqual({});
  });

  it("names an invalid interviewer address", () => {
    expect(errorsOf(values({ interviewers: ["not-an-email"] })).interviewers).toEqual([
      "not-an-email: Enter a valid email address, like name@example.com.",
    ]);
  });

  it("refuses an empty title, a bad interviewee email and a half-filled interviewee", () => {
    expect(errorsOf(values({ title: "   " })).title).toEqual(["Enter a title."]);
    expect(errorsOf(values({ intervieweeEmail: "ada@" })).intervieweeEmail).toEqual([
      "Enter a valid email address, like name@example.com.",
    ]);
    expect(errorsOf(values({ intervieweeEmail: "" })).intervieweeEmail?.[0]).toMatch(
      /interviewee's email/,
    );
    expect(errorsOf(values({ intervieweeName: "" })).intervieweeName).toEqual([
      "Enter the interviewee's name.",
    ]);
  });

  it("refuses an interviewee who is also an interviewer", () => {
    expect(errorsOf(values({ intervieweeEmail: "GRACE@acme.example" })).intervieweeEmail).toEqual([
      "The interviewee cannot also be an interviewer.",
    ]);
  });

  it("refuses an unknown time zone and malformed language or country codes", () => {
    expect(errorsOf(values({ timezone: "Mars/Base" })).timezone).toEqual([
      "Pick a time zone from the list.",
    ]);
    expect(errorsOf(values({ languageCode: "French" })).languageCode).toBeDefined();
    expect(errorsOf(values({ countryCode: "CAN" })).countryCode).toBeDefined();
  });

  it("resolves times in half-hour and quarter-hour zones", () => {
    expect(
      createVariablesFrom(values({ timezone: "Asia/Kathmandu" }), options).input.startTime,
    ).toBe("2026-03-08T10:30:00+05:45");
    expect(createVariablesFrom(values({ timezone: "Asia/Kolkata" }), options).input.startTime).toBe(
      "2026-03-08T10:30:00+05:30",
    );
  });

  it("takes the earlier offset for a time in the fall-back overlap", () => {
    const variables = createVariablesFrom(
      values({ date: "2026-11-01", endDate: "2026-11-01", startTime: "01:30", endTime: "02:30" }),
      options,
    );
    expect(variables.input.startTime).toBe("2026-11-01T01:30:00-07:00");
    expect(variables.input.endTime).toBe("2026-11-01T02:30:00-08:00");
  });
});

describe("createFormFieldForPath", () => {
  it("maps the route's variable paths back to the form's fields", () => {
    expect(createFormFieldForPath("input.endTime")).toBe("endTime");
    expect(createFormFieldForPath("input.interviewers.3.email")).toBe("interviewers");
    expect(createFormFieldForPath("input.interviewee.email")).toBe("intervieweeEmail");
    expect(createFormFieldForPath("input.interviewee.name")).toBe("intervieweeName");
    expect(createFormFieldForPath("input.requestMetadata.atsName")).toBeUndefined();
  });
});

describe("uniqueEmails", () => {
  it("keeps the first spelling of each address and drops blanks and the excluded one", () => {
    expect(
      uniqueEmails([" a@x.example ", "A@X.example", "", "me@x.example"], "ME@x.example"),
    ).toEqual(["a@x.example"]);
  });
});

describe("rescheduleFormSchema", () => {
  it("resolves in the event's zone and refuses a DST gap", () => {
    const schema = rescheduleFormSchema("event-1", "America/Los_Angeles");
    const ok = { date: "2026-03-08", startTime: "09:00", endDate: "2026-03-08", endTime: "10:00" };
    expect(schema.safeParse(ok).success).toBe(true);
    expect(rescheduleVariablesFrom("event-1", "America/Los_Angeles", ok)).toEqual({
      input: {
        id: "event-1",
        startTime: "2026-03-08T09:00:00-07:00",
        endTime: "2026-03-08T10:00:00-07:00",
      },
    });
    expect(schema.safeParse({ ...ok, startTime: "02:30" }).success).toBe(false);
    expect(schema.safeParse({ ...ok, endTime: "08:00" }).success).toBe(false);
  });
});

describe("addInterviewersFormSchema", () => {
  it("refuses someone already invited and a total over 49", () => {
    const schema = addInterviewersFormSchema("event-1", others(48));
    expect(schema.safeParse({ interviewers: ["new@acme.example"] }).success).toBe(true);
    expect(
      schema.safeParse({ interviewers: ["new@acme.example", "two@acme.example"] }).success,
    ).toBe(false);
    expect(schema.safeParse({ interviewers: ["INTERVIEWER0@acme.example"] }).success).toBe(false);
    expect(schema.safeParse({ interviewers: [] }).success).toBe(false);
  });
});
