import { describe, expect, it } from "vitest";
import { checkCreateForm, createFormValuesFrom, endAfter } from "./create-form-check";
import { createFormFieldErrors } from "./create-form-fields";
import type { CreateInterviewFormValues } from "./interview-schemas";

const VALID: CreateInterviewFormValues = {
  title: "Interview with Ada",
  date: "2027-02-10",
  startTime: "10:30",
  endDate: "2027-02-10",
  endTime: "11:15",
  timezone: "Asia/Kolkata",
  interviewers: ["ivy@acme.example"],
  intervieweeName: "Ada Lovelace",
  intervieweeEmail: "ada@example.com",
  languageCode: "",
  countryCode: "",
};

function posted(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe("createFormValuesFrom", () => {
  it("reads each field once, every interviewer, and a missing field as empty", () => {
    const values = createFormValuesFrom(
      posted([
        ["title", "Final round"],
        ["title", "ignored second value"],
        ["date", "2027-02-10"],
        ["interviewers", "a@example.com"],
        ["interviewers", "b@example.com"],
        ["intent", "schedule"],
      ]),
    );
    expect(values).toEqual({
      title: "Final round",
      date: "2027-02-10",
      startTime: "",
      endDate: "",
      endTime: "",
      timezone: "",
      interviewers: ["a@example.com", "b@example.com"],
      intervieweeName: "",
      intervieweeEmail: "",
      languageCode: "",
      countryCode: "",
    });
  });

  it("leaves out a file posted where text is expected", () => {
    const form = posted([["interviewers", "a@example.com"]]);
    form.append("title", new Blob(["x"]));
    form.append("interviewers", new Blob(["y"]));
    const values = createFormValuesFrom(form);
    expect(values.title).toBe("");
    expect(values.interviewers).toEqual(["a@example.com"]);
  });
});

describe("checkCreateForm", () => {
  it("answers the CreateInterview variables when nothing is refused", () => {
    const check = checkCreateForm(VALID, {
      selfEmail: "sam@example.com",
      job: { externalId: "JOB-1", title: "Engineer" },
    });
    expect(check.fieldErrors).toEqual({});
    expect(check.note).toBeUndefined();
    expect(check.variables?.input).toMatchObject({
      startTime: "2027-02-10T10:30:00+05:30",
      endTime: "2027-02-10T11:15:00+05:30",
      timezone: "Asia/Kolkata",
      interviewers: [{ email: "ivy@acme.example" }],
      interviewee: { name: "Ada Lovelace", email: "ada@example.com" },
      requestMetadata: { jobId: "JOB-1", jobTitle: "Engineer" },
    });
  });

  it("answers one message per refused field and no variables", () => {
    const check = checkCreateForm(
      {
        ...VALID,
        title: " ",
        startTime: "11:00",
        endTime: "10:00",
        interviewers: ["not-an-email"],
        intervieweeEmail: "ada@",
      },
      { selfEmail: "sam@example.com" },
    );
    expect(check.variables).toBeUndefined();
    expect(check.fieldErrors).toEqual({
      title: "Enter a title.",
      endTime: "The end must be after the start.",
      interviewers: "not-an-email: Enter a valid email address, like name@example.com.",
      intervieweeEmail: "Enter a valid email address, like name@example.com.",
    });
  });

  it("refuses a start the clocks skip, at the start field", () => {
    const check = checkCreateForm(
      {
        ...VALID,
        date: "2027-03-14",
        endDate: "2027-03-14",
        startTime: "02:30",
        endTime: "04:00",
        timezone: "America/Los_Angeles",
      },
      {},
    );
    expect(check.fieldErrors?.startTime).toMatch(
      /02:30 on 2027-03-14 does not exist in America\/Los_Angeles/,
    );
  });

  it("says which occurrence a start the clocks repeat means, and still accepts it", () => {
    const check = checkCreateForm(
      {
        ...VALID,
        date: "2026-11-01",
        endDate: "2026-11-01",
        startTime: "01:30",
        endTime: "02:30",
        timezone: "America/New_York",
      },
      {},
    );
    expect(check.note).toBe(
      "01:30 on 2026-11-01 happens twice in America/New York because the clocks go back. " +
        "Lobby uses the first one (UTC-04:00), not the second (UTC-05:00).",
    );
    expect(check.variables?.input.startTime).toBe("2026-11-01T01:30:00-04:00");
  });
});

describe("endAfter", () => {
  it("ends the given minutes after the start in the form's zone, on the next day if need be", () => {
    expect(
      endAfter({ date: "2027-02-10", startTime: "23:30", timezone: "Asia/Kolkata" }, 45),
    ).toEqual({ endDate: "2027-02-11", endTime: "00:15" });
  });

  it("counts real minutes across a clock change", () => {
    // 01:30 + 60 min on the spring-forward night in Los Angeles is 03:30 on the wall clock.
    expect(
      endAfter({ date: "2027-03-14", startTime: "01:30", timezone: "America/Los_Angeles" }, 60),
    ).toEqual({ endDate: "2027-03-14", endTime: "03:30" });
  });

  it("answers nothing for a start that is not valid or a length that is not a whole positive day's part", () => {
    expect(endAfter({ date: "", startTime: "10:00", timezone: "UTC" }, 30)).toBeUndefined();
    expect(
      endAfter({ date: "2027-02-10", startTime: "10:00", timezone: "UTC" }, 0),
    ).toBeUndefined();
    expect(
      endAfter({ date: "2027-02-10", startTime: "10:00", timezone: "UTC" }, 1.5),
    ).toBeUndefined();
    expect(
      endAfter({ date: "2027-02-10", startTime: "10:00", timezone: "UTC" }, 1441),
    ).toBeUndefined();
  });
});

describe("createFormFieldErrors", () => {
  it("puts the route's variable paths at the form's fields, first message kept, unknown paths left out", () => {
    expect(
      createFormFieldErrors({
        "input.startTime": "startTime must not be in the past",
        "input.interviewers.0.email": "first",
        "input.interviewers.1.email": "second",
        "input.interviewee.name": "Too long",
        "input.somethingElse": "dropped",
      }),
    ).toEqual({
      startTime: "startTime must not be in the past",
      interviewers: "first",
      intervieweeName: "Too long",
    });
  });
});
