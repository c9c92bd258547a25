import "server-only";
import { writeCsvRows, type CsvCell } from "@/lib/csv/write-csv";
import { toZonedIso } from "@/lib/scheduling/time";
import { type CalendarEvent, type IndeedEventFields, isCanceled } from "./calendar-event";
import { type EventsPage, nextCursorOf, pageEvents } from "./calendar-query";
import { calendarEventsVariables, type FindEventsVariables } from "./find-events-variables";
import type { LedgerDetails } from "./ledger-details";
import type { CalendarRange } from "./range";
import type { CalendarState } from "./search-params";

/**
 * The calendar's CSV export: every page of the filtered range (not only the one shown), in the
 * calendar's order, streamed a page at a time (docs/decisions/0044). The first page is read
 * before anything is sent, so a refusal (reconnect, not allowed, Indeed down) is a normal error
 * answer; a failure on a later page aborts the download, so a browser shows it failed instead of
 * saving a file that looks complete.
 */

/** 50,000 events: far more than a year of anyone's interviews; a cursor loop ends here. */
export const MAX_EXPORT_PAGES = 500;

interface Person {
  name?: string | null;
  email?: string | null;
}

/** The fields of an event the export writes, beyond the calendar's own. */
export interface ExportEventFields extends IndeedEventFields {
  interviewerLobbyUrl?: string | null;
  interviewersConnection?: { interviewers?: ReadonlyArray<Person | null> | null } | null;
  intervieweesConnection?: { interviewees?: ReadonlyArray<Person | null> | null } | null;
}

export interface ExportPage extends EventsPage {
  events?: ReadonlyArray<ExportEventFields | null> | null;
}

export interface CalendarExportDeps {
  /** One `findVirtualInterviewEvents` page for the signed-in employer; throws AppError. */
  findPage: (variables: FindEventsVariables) => Promise<ExportPage | null | undefined>;
  /** The ledger's rows of these events, this employer's only. */
  ledger: (eventIds: readonly string[]) => Promise<ReadonlyMap<string, LedgerDetails>>;
  /** The app's origin, for each row's link to its Lobby page. */
  appUrl: string;
  log?: (line: string) => void;
}

export const EXPORT_HEADER = [
  "title",
  "status",
  "start",
  "end",
  "event_time_zone",
  "interviewee",
  "interviewers",
  "applicant",
  "job",
  "scheduled_in_lobby",
  "event_id",
  "interviewer_lobby_url",
  "lobby_page",
] as const;

/** `interviews-2026-11-23_to_2026-11-29-America_New_York.csv`: the range's days and zone. */
export function exportFileName(range: Pick<CalendarRange, "firstDay" | "lastDay" | "zone">) {
  const zone = range.zone.replace(/[^A-Za-z0-9_-]+/g, "_");
  return `interviews-${range.firstDay}_to_${range.lastDay}-${zone}.csv`;
}

function person({ name, email }: Person): string {
  if (name && email) return `${name} <${email}>`;
  return name || email || "";
}

function people(list: ReadonlyArray<Person | null> | null | undefined): string {
  return (list ?? []).flatMap((entry) => (entry ? [person(entry)] : [])).join("; ");
}

function exportRow(
  event: CalendarEvent,
  fields: ExportEventFields | undefined,
  ledger: LedgerDetails | undefined,
  {
    zoneMode,
    rangeZone,
    appUrl,
  }: { zoneMode: CalendarState["zone"]; rangeZone: string; appUrl: string },
): CsvCell[] {
  const zone = zoneMode === "event" && event.timezone ? event.timezone : rangeZone;
  return [
    event.title ?? "",
    event.status ?? "",
    toZonedIso(new Date(event.startTime), zone),
    toZonedIso(new Date(event.endTime), zone),
    event.timezone ?? "",
    people(fields?.intervieweesConnection?.interviewees),
    people(fields?.interviewersConnection?.interviewers),
    ledger?.applicantName ?? "",
    ledger?.jobTitle ?? "",
    ledger ? "yes" : "no",
    event.id,
    fields?.interviewerLobbyUrl ?? "",
    `${appUrl}/interviews/${encodeURIComponent(event.id)}`,
  ];
}

/**
 * The export's file: reads the range's first page now (throwing its AppError), then streams the
 * header and each page's rows, reading the next page only when the reader wants more.
 */
export async function calendarCsvStream(
  deps: CalendarExportDeps,
  state: CalendarState,
  range: CalendarRange,
): Promise<{ stream: ReadableStream<Uint8Array>; totalCount: number | null }> {
  const variables = (after: string | null) => calendarEventsVariables(state, range, after);
  let page: ExportPage | null | undefined = await deps.findPage(variables(null));
  let pagesRead = 1;
  const totalCount = page?.totalCount ?? null;
  const encoder = new TextEncoder();
  let header = true;

  const rowsOf = async (current: ExportPage): Promise<CsvCell[][]> => {
    const fields = new Map<string, ExportEventFields>();
    for (const node of current.events ?? []) if (node) fields.set(node.id, node);
    const { events } = pageEvents(current, state);
    const shown = state.canceled === "hide" ? events.filter((event) => !isCanceled(event)) : events;
    const ledger = shown.length ? await deps.ledger(shown.map((event) => event.id)) : new Map();
    const options = { zoneMode: state.zone, rangeZone: range.zone, appUrl: deps.appUrl };
    return shown.map((event) =>
      exportRow(event, fields.get(event.id), ledger.get(event.id), options),
    );
  };

  const stream = new ReadableStream<Uint8Array>({
    // Each pull sends at least one row (or ends): a page whose rows are all hidden (canceled)
    // goes straight on to the next, as a pull that enqueues nothing would not be called again.
    async pull(controller) {
      try {
        for (;;) {
          const rows: CsvCell[][] = header ? [[...EXPORT_HEADER]] : [];
          header = false;
          if (page) rows.push(...(await rowsOf(page)));
          if (rows.length) controller.enqueue(encoder.encode(writeCsvRows(rows)));
          const cursor = nextCursorOf(page ?? undefined);
          if (!cursor || pagesRead >= MAX_EXPORT_PAGES) {
            controller.close();
            return;
          }
          page = await deps.findPage(variables(cursor));
          pagesRead += 1;
          if (rows.length) return;
        }
      } catch (error) {
        (deps.log ?? console.error)(
          `[calendar] export stopped after ${pagesRead} pages: ${(error as Error).name}`,
        );
        controller.error(error);
      }
    },
  });
  return { stream, totalCount };
}
