import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type APIRequestContext } from "@playwright/test";
import { sandboxUrl } from "./urls";

// The recruiter's data in the suite's sandbox: `npm run seed:demo` (each demo event once per
// virtual day, so every spec that needs it may run it) and events made through the control API.

export const ACME = "emp-acme-robotics";
const DAY = 86_400_000;

/** Runs `npm run seed:demo` against the suite's sandbox; fails with the script's own output. */
export async function seedDemo(): Promise<void> {
  await promisify(execFile)("npx", ["tsx", "sandbox/scripts/seed-demo.ts"], {
    env: { ...process.env, SANDBOX_URL: sandboxUrl },
  });
}

/** The sandbox's virtual now, in ms. */
export async function sandboxNow(request: APIRequestContext): Promise<number> {
  const response = await request.get(`${sandboxUrl}/_sandbox/clock`);
  expect(response.ok()).toBe(true);
  return Date.parse(((await response.json()) as { now: string }).now);
}

/** The control API's times: whole seconds with an offset. */
export function sandboxTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+00:00`;
}

async function post<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const response = await request.post(`${sandboxUrl}${path}`, { data });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * `count` synthetic events for Dana at Acme Robotics (the employer's first member organises
 * them), spread over four days from 4½ days ago: inside "Last 7 days" whatever the hour, and
 * after the demo's interviews of 6 and 5 days ago, which stay the first two by end time.
 */
export async function addBusyWeek(request: APIRequestContext, count: number): Promise<void> {
  const now = await sandboxNow(request);
  await post(request, "/_sandbox/events/bulk", {
    employerId: ACME,
    count,
    from: sandboxTime(now - 4.5 * DAY),
    days: 4,
  });
}

export interface SandboxEvent {
  id: string;
  uuid: string;
  title: string;
  startTime: string;
  endTime: string;
  timezone: string;
  status: string;
  interviewerLobbyUrl: string;
  sessions: { recordingUrl: string | null }[];
}

/** An event made straight in the sandbox, as another ATS or Indeed's own tools would. */
export async function createSandboxEvent(
  request: APIRequestContext,
  event: { title: string; startMs: number; minutes: number; timezone: string },
): Promise<SandboxEvent> {
  return post<SandboxEvent>(request, "/_sandbox/events", {
    employerId: ACME,
    organizer: "u-dana",
    title: event.title,
    startTime: sandboxTime(event.startMs),
    endTime: sandboxTime(event.startMs + event.minutes * 60_000),
    timezone: event.timezone,
    atsName: "Another ATS",
  });
}

/** Puts the sandbox's schema in `guide` (the guide-schema project) or `extended` mode. */
export async function setSandboxSchema(request: APIRequestContext, mode: "guide" | "extended") {
  await post(request, "/_sandbox/schema", { mode });
}
