import { describe, expect, it } from "vitest";
import {
  addInterviewersFormSchema,
  createFormFieldForPath,
  createInterviewFormSchema,
  createInterviewVariablesSchema,
  interviewerEmails,
  rescheduleFormSchema,
  toCreateInterviewVariables,
  type CreateInterviewFormValues,
} from "./interview-schemas";

const self = "recruiter@acme.example";

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
  const result = createInterviewFormSchema(self).safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join(".") || "root"] ??= []).push(issue.message);
  return errors;
}

describe("createInterviewFormSchema", () => {
  it("accepts a complete form", () => {
    expect(errorsOf(values())).toEqual({});
  });

  it("builds the variables with offsets, the user first and no duplicates", () => {
    const variables = toCreateInterviewVariables(
      values({ interviewers: ["Grace@Acme.example", "grace@acme.example", "RECRUITER@acme.example"] }),
      { startTime: "2026-03-08T10:30:00-07:00", endTime: "2026-03-08T11:30:00-07:00" },
      self,
    );
    expect(variables.input.interviewers).toEqual([{ email: self }, { email: "Grace@Acme.example" }]);
    expect(variables.input.interviewee).toEqual({ name: "Ada Lovelace", email: "ada@example.com" });
    expect(variables.input).not.toHaveProperty("languageCode");
    expect(createInterviewVariablesSchema.safeParse(variables).success).toBe(true);
  });

  it("leaves the interviewee out when both fields are empty", () => {
    const variables = toCreateInterviewVariables(
      values({ intervieweeName: "", intervieweeEmail: "" }),
      { startTime: "2026-03-08T10:30:00-07:00", endTime: "2026-03-08T11:30:00-07:00" },
      self,
    );
    expect(variables.input).not.toHaveProperty("interviewee");
    expect(errorsOf(values({ intervieweeName: "", intervieweeEmail: "" }))).toEqual({});
  });

  it("refuses a start in the spring-forward gap at the start field", () => {
    expect(errorsOf(values({ startTime: "02:30", endTime: "04:00" })).startTime?.[0]).toMatch(/does not exist/);
  });

  it("refuses an end before the start at the end field", () => {
    expect(errorsOf(values({ startTime: "11:00", endTime: "10:00" })).endTime).toEqual(["The end must be after the start."]);
  });

  it("refuses an interview over 24 hours", () => {
    expect(errorsOf(values({ endDate: "2026-03-09", endTime: "11:00" })).endTime).toEqual([
      "An interview can last at most 24 hours.",
    ]);
  });

  it("allows an overnight interview that ends the next day", () => {
    expect(errorsOf(values({ startTime: "23:00", endDate: "2026-03-09", endTime: "00:30" }))).toEqual({});
  });

  it("counts the signed-in user: 48 others make 49 and pass, 49 others make 50 and fail", () => {
    const others = (count: number) => Array.from({ length: count }, (_, i) => `interviewer${i}@acme.example`);
    expect(errorsOf(values({ interviewers: others(48) }))).toEqual({});
    expect(errorsOf(values({ interviewers: others(49) })).interviewers).toEqual([
      "An interview can have at most 49 interviewers, you included.",
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
    expect(errorsOf(values({ intervieweeEmail: "" })).intervieweeEmail?.[0]).toMatch(/interviewee's email/);
    expect(errorsOf(values({ intervieweeName: "" })).intervieweeName).toEqual(["Enter the interviewee's name."]);
  });

  it("refuses an unknown time zone and unknown language or country codes", () => {
    expect(errorsOf(values({ timezone: "Mars/Base" })).timezone).toEqual(["Pick a time zone from the list."]);
    expect(errorsOf(values({ languageCode: "French" })).languageCode).toBeDefined();
    expect(errorsOf(values({ countryCode: "ca" })).countryCode).toBeDefined();
  });

  it("resolves times in half-hour zones", () => {
    const schema = createInterviewFormSchema(self);
    expect(schema.safeParse(values({ timezone: "Asia/Kathmandu" })).success).toBe(true);
  });
});

describe("createInterviewVariablesSchema", () => {
  it("refuses times without an offset", () => {
    const result = createInterviewVariablesSchema.safeParse({
      input: {
        startTime: "2026-03-08T10:30:00",
        endTime: "2026-03-08T11:30:00-07:00",
        title: "x",
        timezone: "UTC",
        interviewers: [{ email: self }],
      },
    });
    expect(result.success).toBe(false);
  });

  it("refuses a list with the same interviewer twice in different case", () => {
    const result = createInterviewVariablesSchema.safeParse({
      input: {
        startTime: "2026-03-08T10:30:00-07:00",
        endTime: "2026-03-08T11:30:00-07:00",
        title: "x",
        timezone: "UTC",
        interviewers: [{ email: self }, { email: self.toUpperCase() }],
      },
    });
    expect(result.success).toBe(false);
  });
});

describe("createFormFieldForPath", () => {
  it("maps Indeed's variable paths back to the form's fields", () => {
    expect(createFormFieldForPath("input.endTime")).toBe("endTime");
    expect(createFormFieldForPath("input.interviewers.3.email")).toBe("interviewers");
    expect(createFormFieldForPath("input.interviewee.email")).toBe("intervieweeEmail");
    expect(createFormFieldForPath("input.interviewee.name")).toBe("intervieweeName");
    expect(createFormFieldForPath("input.requestMetadata.atsName")).toBeUndefined();
  });
});

describe("interviewerEmails", () => {
  it("keeps the first spelling of each address and drops blanks", () => {
    expect(interviewerEmails(null, [" a@x.example ", "A@X.example", ""])).toEqual(["a@x.example"]);
  });
});

describe("rescheduleFormSchema", () => {
  it("resolves in the event's zone and refuses a DST gap", () => {
    const schema = rescheduleFormSchema("event-1", "America/Los_Angeles");
    expect(schema.safeParse({ date: "2026-03-08", startTime: "09:00", endDate: "2026-03-08", endTime: "10:00" }).success).toBe(true);
    const gap = schema.safeParse({ date: "2026-03-08", startTime: "02:30", endDate: "2026-03-08", endTime: "04:00" });
    expect(gap.success).toBe(false);
  });
});

describe("addInterviewersFormSchema", () => {
  it("refuses someone already invited and a total over 49", () => {
    const existing = Array.from({ length: 48 }, (_, i) => `p${i}@acme.example`);
    const schema = addInterviewersFormSchema(existing);
    expect(schema.safeParse({ interviewers: ["new@acme.example"] }).success).toBe(true);
    expect(schema.safeParse({ interviewers: ["new@acme.example", "two@acme.example"] }).success).toBe(false);
    expect(schema.safeParse({ interviewers: ["P0@acme.example"] }).success).toBe(false);
  });
});
