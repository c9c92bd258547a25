import { escapeHtml } from "../../core/http";
import type { PageOptions } from "../../core/page";
import type { StoredEvent, StoredSession } from "../event-model";
import type { RecordingState } from "../interview-sessions";
import { detailsList, localWhen } from "./page-format";

/** A recording's page as Indeed serves it: the video when ready, an error otherwise. */
export function recordingPage(
  event: StoredEvent,
  session: StoredSession,
  state: RecordingState,
): { status: number; page: PageOptions } {
  if (state === "expired") {
    return {
      status: 410,
      page: {
        title: "Recording expired",
        main: `<h1>This recording is no longer available</h1>
<p>Recordings expire 90 days after the interview.</p>`,
      },
    };
  }
  if (state !== "available") {
    return {
      status: 404,
      page: {
        title: "Recording unavailable",
        main: `<h1>This recording is not available</h1>
<p>${state === "processing" ? "It is still processing; try again later." : "There is no recording for this session."}</p>`,
      },
    };
  }
  return {
    status: 200,
    page: {
      title: "Interview recording",
      main: `<h1>Recording: ${escapeHtml(event.title)}</h1>
${detailsList([
  [
    "Held",
    `${escapeHtml(localWhen(session.startedAt, event.timezone))} to ${escapeHtml(localWhen(session.endedAt, event.timezone))}`,
  ],
  ["Interviewee", escapeHtml(event.interviewee?.name ?? "")],
])}
<p class="card">(The sandbox has no video: this page stands in for Indeed's recording player.)</p>`,
    },
  };
}
