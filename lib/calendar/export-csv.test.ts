import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/ats/parse-csv";
import { AppError } from "@/lib/http/app-error";
import {
  calendarCsvStream,
  type CalendarExportDeps,
  EXPORT_HEADER,
  exportFileName,
  type ExportPage,
} from "./export-csv";
import type { FindEventsVariables } from "./find-events-variables";
import { customRange } from "./range";
import { parseCalendarSearchParams } from "./search-params";

const range = (() => {
  const checked = customRange("2026-11-23", "2026-11-29", "America/New_York");
  if (!checked.ok) throw new Error(checked.message);
  return checked.range;
})();

function event(id: string, hour: number, extra: Record<string, unknown> = {}) {
  const start = new Date(Date.UTC(2026, 10, 24, hour));
  return {
    id,
    status: "SCHEDULED",
    title: `Interview ${id}`,
    startTime: start.toISOString(),
    endTime: new Date(start.getTime() + 3_600_000).toISOString(),
    timezone: "Asia/Kolkata",
    interviewerLobbyUrl: `https://lobby.example/${id}`,
    interviewersConnection: {
      interviewers: [
        { name: "Ivy", email: "ivy@acme.example" },
        { name: null, email: "x@y.z" },
      ],
    },
    intervieweesConnection: { interviewees: [{ name: "Amara", email: "amara@example.com" }] },
    ...extra,
  };
}

/** Pages of `size` from `events`, cursors "c1", "c2"…; `failAt` fails that page's read. */
function fakeDeps(events: ReturnType<typeof event>[], size: number, failAt?: number) {
  const asked: FindEventsVariables[] = [];
  const deps: CalendarExportDeps = {
    appUrl: "https://lobby.test",
    log: () => undefined,
    findPage: async (variables) => {
      asked.push(variables);
      const index = variables.after ? Number(variables.after.slice(1)) : 0;
      if (index === failAt) throw new AppError("FORBIDDEN", "Only its interviewers");
      const slice = events.slice(index * size, (index + 1) * size);
      const hasNextPage = (index + 1) * size < events.length;
      return {
        totalCount: events.length,
        pageInfo: { endCursor: `c${index + 1}`, hasNextPage },
        events: slice,
      } satisfies ExportPage;
    },
    ledger: async (ids) =>
      new Map(
        ids
          .filter((id) => id === "e1")
          .map((id) => [
            id,
            {
              indeedEventId: id,
              applicationId: "app-1",
              applicantName: "Amara",
              jobTitle: "=Welder",
            },
          ]),
      ),
  };
  return { deps, asked };
}

async function read(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe("calendarCsvStream", () => {
  const events = Array.from({ length: 7 }, (_, i) =>
    event(`e${i}`, 1 + i, i === 3 ? { status: "CANCELED" } : {}),
  );

  it("writes every page of the range, from the first whatever the URL's cursor", async () => {
    const { deps, asked } = fakeDeps(events, 3);
    const state = parseCalendarSearchParams(new URLSearchParams("cursor=c2"));
    const { stream, totalCount } = await calendarCsvStream(deps, state, range);
    const rows = parseCsv(await read(stream));
    expect(totalCount).toBe(7);
    expect(rows[0]!.cells).toEqual([...EXPORT_HEADER]);
    expect(rows.slice(1).map((row) => row.cells[10])).toEqual(events.map((e) => e.id));
    expect(asked.map((v) => v.after)).toEqual([null, "c1", "c2"]);
    expect(asked[0]!.input.startTime).toEqual({
      after: "2026-11-23T05:00:00+00:00",
      before: "2026-11-30T05:00:00+00:00",
    });
  });

  it("writes times in the viewer's zone or each event's, people, the ledger and links, formula-safe", async () => {
    const { deps } = fakeDeps(events.slice(0, 2), 3);
    const viewer = parseCsv(
      await read((await calendarCsvStream(deps, parseCalendarSearchParams({}), range)).stream),
    );
    expect(viewer[2]!.cells).toEqual([
      "Interview e1",
      "SCHEDULED",
      "2026-11-23T21:00:00-05:00",
      "2026-11-23T22:00:00-05:00",
      "Asia/Kolkata",
      "Amara <amara@example.com>",
      "Ivy <ivy@acme.example>; x@y.z",
      "Amara",
      "'=Welder",
      "yes",
      "e1",
      "https://lobby.example/e1",
      "https://lobby.test/interviews/e1",
    ]);
    expect(viewer[1]!.cells.slice(7, 10)).toEqual(["", "", "no"]);
    const own = parseCsv(
      await read(
        (await calendarCsvStream(deps, parseCalendarSearchParams({ zone: "event" }), range)).stream,
      ),
    );
    expect(own[2]!.cells.slice(2, 4)).toEqual([
      "2026-11-24T07:30:00+05:30",
      "2026-11-24T08:30:00+05:30",
    ]);
  });

  it("leaves canceled interviews out when the calendar hides them, across pages", async () => {
    const { deps } = fakeDeps(events, 1);
    const { stream } = await calendarCsvStream(
      deps,
      parseCalendarSearchParams({ canceled: "hide" }),
      range,
    );
    const ids = parseCsv(await read(stream))
      .slice(1)
      .map((row) => row.cells[10]);
    expect(ids).toEqual(["e0", "e1", "e2", "e4", "e5", "e6"]);
  });

  it("throws the first page's error before anything is sent", async () => {
    const { deps } = fakeDeps(events, 3, 0);
    await expect(calendarCsvStream(deps, parseCalendarSearchParams({}), range)).rejects.toThrow(
      AppError,
    );
  });

  it("aborts the download when a later page fails, after the rows already sent", async () => {
    const { deps } = fakeDeps(events, 3, 2);
    const { stream } = await calendarCsvStream(deps, parseCalendarSearchParams({}), range);
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = "";
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += decoder.decode(value);
        }
      })(),
    ).rejects.toThrow("Only its interviewers");
    // The header and the two pages read before the third failed.
    expect(parseCsv(text)).toHaveLength(1 + 6);
  });

  it("names the file by the range's days and zone", () => {
    expect(exportFileName(range)).toBe("interviews-2026-11-23_to_2026-11-29-America_New_York.csv");
    expect(exportFileName({ ...range, zone: "Etc/GMT+5" })).toBe(
      "interviews-2026-11-23_to_2026-11-29-Etc_GMT_5.csv",
    );
  });
});
