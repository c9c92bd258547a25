import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { INDEED_BATCH, indeedStates, NOT_SHOWN_BY_INDEED, type ReadIndeedEvents } from "./gather";

const now = new Date("2030-02-01T12:00:00Z");
const eventOf = (id: string) =>
  ({
    id,
    status: "SCHEDULED",
    title: `Interview ${id}`,
    startTime: "2030-01-10T15:00:00Z",
    endTime: "2030-01-10T16:00:00Z",
    timezone: "UTC",
    interviewersConnection: {
      interviewers: [{ id: "u-ivy", name: "Ivy", email: "ivy@x.example" }],
    },
    intervieweesConnection: {
      interviewees: [
        {
          name: "Robin",
          email: "robin@x.example",
          interviewRecordsConnection: {
            records: [
              {
                id: "r1",
                recordingUrl: "https://indeed.example/rec/1",
                interviewOutcomesConnection: {
                  outcomes: [
                    {
                      interviewer: { id: "u-ivy", name: "Ivy", email: "ivy@x.example" },
                      decision: { value: "YES", noteText: " Strong " },
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
  }) as never;

describe("Indeed's view of a job seeker's interviews", () => {
  it("is read in batches of at most 100 ids, each event in the order asked", async () => {
    const calls: string[][] = [];
    const read: ReadIndeedEvents = async (ids) => {
      calls.push(ids);
      return [...ids].reverse().map(eventOf);
    };
    const ids = Array.from({ length: 250 }, (_, i) => `e${i}`);
    const states = await indeedStates(ids, read, now);
    expect(calls.map((batch) => batch.length)).toEqual([INDEED_BATCH, INDEED_BATCH, 50]);
    expect(states.get("e249")).toMatchObject({ shown: true, title: "Interview e249" });
  });

  it("gives the recording's state and the decisions", async () => {
    const states = await indeedStates(["e1"], async (ids) => ids.map(eventOf), now);
    expect(states.get("e1")).toEqual({
      shown: true,
      status: "SCHEDULED",
      title: "Interview e1",
      startTime: "2030-01-10T15:00:00Z",
      endTime: "2030-01-10T16:00:00Z",
      timezone: "UTC",
      interviewers: ["Ivy"],
      recordings: [{ session: 1, state: "Recording available for 68 more days.", available: true }],
      decisions: [{ session: 1, interviewer: "Ivy", decision: "Yes", note: "Strong" }],
    });
  });

  it("says Indeed did not show an event it answers null for, or refuses with FORBIDDEN", async () => {
    const partial = await indeedStates(["a", "b"], async () => [eventOf("a"), null], now);
    expect(partial.get("b")).toEqual({ shown: false, reason: NOT_SHOWN_BY_INDEED });
    const refused = await indeedStates(
      ["c"],
      async () => {
        throw new AppError("FORBIDDEN");
      },
      now,
    );
    expect(refused.get("c")).toEqual({ shown: false, reason: NOT_SHOWN_BY_INDEED });
  });

  it("says Indeed could not be read, without failing the rest", async () => {
    const states = await indeedStates(
      ["d"],
      async () => {
        throw new AppError("INDEED_UNAVAILABLE");
      },
      now,
    );
    expect(states.get("d")).toMatchObject({
      shown: false,
      reason: expect.stringMatching(/^Indeed could not be read: /),
    });
  });
});
