import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  addIntervieweeFormSchema,
  addInterviewersFormSchema,
  cancelFormSchema,
  createInterviewFormSchema,
  createVariablesFrom,
  rescheduleFormSchema,
  setTimezoneFormSchema,
  setTitleFormSchema,
} from "./interview-schemas";
import { interviewOperations } from "./operations";
import { createInterview } from "./operations/create-interview";

/**
 * Issue 13: the form schemas and the route's variables schemas, given 10,000 generated inputs
 * each, answer with success or with issues that each carry a message; they never throw. A
 * create form that passes builds variables the route's own schema accepts.
 */

const RUNS = { numRuns: 10_000 };
// 10,000 runs through Intl's zone data take seconds on a shared machine, not milliseconds.
const SLOW = { timeout: 60_000 };

/** Safe-parses and checks the answer's shape; throws (failing the property) otherwise. */
function answersClearly(schema: z.ZodType, value: unknown): boolean {
  const result = schema.safeParse(value);
  if (result.success) return true;
  expect(result.error.issues.length).toBeGreaterThan(0);
  for (const issue of result.error.issues) expect(issue.message.trim()).not.toBe("");
  return false;
}

// Mostly plausible values, with everything else mixed in.
const date = fc.oneof(
  fc
    .date({ min: new Date("1900-01-01"), max: new Date("2200-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.string({ maxLength: 12 }),
);
const time = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
    .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
  fc.string({ maxLength: 6 }),
);
const zone = fc.constantFrom(
  "UTC",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "Not/AZone",
  "",
);
const emailish = fc.oneof(fc.emailAddress(), fc.string({ maxLength: 30 }));

const createFormValues = fc.record({
  title: fc.oneof(fc.string({ maxLength: 300 }), fc.constant("Interview")),
  date,
  startTime: time,
  endDate: fc.oneof(date, fc.constant("")),
  endTime: time,
  timezone: zone,
  interviewers: fc.array(emailish, { maxLength: 55 }),
  intervieweeName: fc.string({ maxLength: 40 }),
  intervieweeEmail: fc.oneof(emailish, fc.constant("")),
  languageCode: fc.oneof(fc.constantFrom("", "en", "fr"), fc.string({ maxLength: 3 })),
  countryCode: fc.oneof(fc.constantFrom("", "US", "CA"), fc.string({ maxLength: 3 })),
});

describe("the form schemas, on generated input", () => {
  it("the create form answers clearly, and what it accepts the route accepts", SLOW, () => {
    const schema = createInterviewFormSchema({ selfEmail: "dana@acme-robotics.example" });
    fc.assert(
      fc.property(createFormValues, (values) => {
        if (!answersClearly(schema, values)) return;
        const variables = createVariablesFrom(values, { selfEmail: "dana@acme-robotics.example" });
        expect(createInterview.variables.safeParse(variables).success).toBe(true);
      }),
      RUNS,
    );
  });

  it("the create form answers anything at all without throwing", SLOW, () => {
    const schema = createInterviewFormSchema();
    fc.assert(
      fc.property(fc.anything(), (value) => void answersClearly(schema, value)),
      RUNS,
    );
  });

  it("the change forms answer clearly", SLOW, () => {
    const schemas = [
      rescheduleFormSchema("event-1", "America/New_York"),
      addInterviewersFormSchema("event-1", ["ivy@acme-robotics.example"]),
      addIntervieweeFormSchema,
      setTitleFormSchema,
      setTimezoneFormSchema,
      cancelFormSchema,
    ];
    const values = fc.oneof(
      fc.record({ date, startTime: time, endDate: date, endTime: time }),
      fc.record({ emails: fc.array(emailish, { maxLength: 60 }) }),
      fc.record({ name: fc.string({ maxLength: 300 }), email: emailish }),
      fc.record({ title: fc.string({ maxLength: 400 }), timezone: zone, reason: fc.string() }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.constantFrom(...schemas), values, (schema, value) => {
        answersClearly(schema, value);
      }),
      RUNS,
    );
  });
});

describe("the route's variables schemas, on generated input", () => {
  it("every operation's variables answer clearly", SLOW, () => {
    const variables = fc.oneof(
      fc.anything(),
      fc.record({ input: fc.dictionary(fc.string({ maxLength: 12 }), fc.anything()) }),
      fc.record({
        ids: fc.array(fc.string({ maxLength: 20 }), { maxLength: 120 }),
        first: fc.integer(),
        after: fc.string(),
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...interviewOperations), variables, (op, value) => {
        answersClearly(op.variables, value);
      }),
      RUNS,
    );
  });
});
