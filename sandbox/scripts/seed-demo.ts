import { createHash } from "node:crypto";

// `npm run seed:demo`: fills a running sandbox (SANDBOX_URL, default http://127.0.0.1:4010)
// with a realistic spread of past and upcoming interviews for the seeded employers, through
// its control API and the Interview API itself, relative to the sandbox's virtual clock. Safe to
// run twice: it only adds events, and on the same virtual day it adds none it added already
// (each event's uuid is derived from the day, the employer and the title).

const base = (process.env.SANDBOX_URL ?? "http://127.0.0.1:4010").replace(/\/$/, "");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Person {
  name: string;
  email: string;
}

interface DemoEvent {
  employerId: string;
  organizer: string;
  title: string;
  /** Start, relative to the sandbox's virtual now. */
  startsIn: number;
  minutes: number;
  timezone: string;
  interviewers: string[];
  interviewee?: Person;
  sessions?: { recording: "available" | "failed" | "none"; processingMinutes?: number }[];
  decisions?: { interviewerEmail: string; value: "YES" | "MAYBE" | "NO"; noteText: string }[];
  cancel?: boolean;
}

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

const candidates: Person[] = [
  { name: "Robin Park", email: "robin.park@example.net" },
  { name: "Amara Okafor", email: "amara.okafor@example.net" },
  { name: "Mateo García", email: "mateo.garcia@example.org" },
  { name: "Priya Raman", email: "priya.raman@example.com" },
  { name: "Jonas Weber", email: "jonas.weber@example.de" },
  { name: "Mei Tanaka", email: "mei.tanaka@example.jp" },
  { name: "Lucas Moreau", email: "lucas.moreau@example.fr" },
  { name: "Sofia Rossi", email: "sofia.rossi@example.it" },
];
const acme = "emp-acme-robotics";
const globex = "emp-globex-logistics";
const initech = "emp-initech-foods";
const ivy = "ivy@acme-robotics.example";
const dana = "dana@acme-robotics.example";
const sam = "sam@initech-foods.example";

const demo: DemoEvent[] = [
  // Long past: its recording's page has expired (more than 90 days ago).
  {
    employerId: acme,
    organizer: "u-dana",
    title: "Robotics engineer: first interview",
    startsIn: -120 * DAY,
    minutes: 45,
    timezone: "America/New_York",
    interviewers: [ivy],
    interviewee: candidates[0],
    sessions: [{ recording: "available", processingMinutes: 20 }],
    decisions: [
      { interviewerEmail: ivy, value: "YES", noteText: "Strong on control systems." },
      { interviewerEmail: dana, value: "YES", noteText: "Good communicator." },
    ],
  },
  // Past, recorded and available, with mixed decisions.
  {
    employerId: acme,
    organizer: "u-dana",
    title: "Firmware developer: technical interview",
    startsIn: -6 * DAY,
    minutes: 60,
    timezone: "America/Los_Angeles",
    interviewers: [ivy, "lead.engineer@acme-robotics.example"],
    interviewee: candidates[1],
    sessions: [{ recording: "available", processingMinutes: 30 }],
    decisions: [
      { interviewerEmail: ivy, value: "MAYBE", noteText: "Solid C, unsure about RTOS depth." },
      {
        interviewerEmail: "lead.engineer@acme-robotics.example",
        value: "YES",
        noteText: "Would hire.",
      },
    ],
  },
  // Past, recorded, and every interviewer has decided: nothing pending. Adelaide is half an
  // hour off the hour.
  {
    employerId: acme,
    organizer: "u-dana",
    title: "Mechanical engineer: onsite debrief",
    startsIn: -5 * DAY,
    minutes: 45,
    timezone: "Australia/Adelaide",
    interviewers: [ivy],
    interviewee: candidates[6],
    sessions: [{ recording: "available", processingMinutes: 20 }],
    decisions: [
      { interviewerEmail: ivy, value: "YES", noteText: "Clear thinking about tolerances." },
      { interviewerEmail: dana, value: "YES", noteText: "Ready for an offer." },
    ],
  },
  // Past, recording failed in processing.
  {
    employerId: acme,
    organizer: "u-dana",
    title: "QA analyst: screening call",
    startsIn: -3 * DAY,
    minutes: 30,
    timezone: "Europe/London",
    interviewers: [ivy],
    interviewee: candidates[2],
    sessions: [{ recording: "failed" }],
    decisions: [
      { interviewerEmail: ivy, value: "NO", noteText: "Not enough test automation experience." },
    ],
  },
  // Past, two sessions: one not recorded, then one recorded.
  {
    employerId: acme,
    organizer: "u-dana",
    title: "Product manager: panel",
    startsIn: -2 * DAY,
    minutes: 90,
    timezone: "Asia/Kolkata",
    interviewers: [ivy, "cto@acme-robotics.example"],
    interviewee: candidates[3],
    sessions: [{ recording: "none" }, { recording: "available", processingMinutes: 15 }],
  },
  // Yesterday in Newfoundland (UTC-3:30), recorded; one of two interviewers has decided.
  {
    employerId: acme,
    organizer: "u-dana",
    title: "Controls engineer: phone screen",
    startsIn: -1 * DAY,
    minutes: 30,
    timezone: "America/St_Johns",
    interviewers: [ivy],
    interviewee: candidates[7],
    sessions: [{ recording: "available", processingMinutes: 15 }],
    decisions: [
      { interviewerEmail: ivy, value: "MAYBE", noteText: "Wants to hear more about the team." },
    ],
  },
  // Just ended: the recording is still processing.
  {
    employerId: acme,
    organizer: "u-dana",
    title: "Support engineer: final round",
    startsIn: -90 * 60_000,
    minutes: 60,
    timezone: "America/Chicago",
    interviewers: [ivy],
    interviewee: candidates[4],
    sessions: [{ recording: "available", processingMinutes: 24 * 60 }],
  },
  // Upcoming.
  {
    employerId: acme,
    organizer: "u-dana",
    title: "Robotics engineer: second interview",
    startsIn: 20 * 60_000,
    minutes: 60,
    timezone: "America/New_York",
    interviewers: [ivy],
    interviewee: candidates[0],
  },
  {
    employerId: acme,
    organizer: "u-dana",
    title: "Data engineer: technical interview",
    startsIn: 2 * DAY,
    minutes: 60,
    timezone: "Asia/Kathmandu",
    interviewers: [ivy, "data.lead@acme-robotics.example"],
    interviewee: candidates[5],
  },
  {
    employerId: acme,
    organizer: "u-dana",
    title: "Design review with candidate",
    startsIn: 5 * DAY,
    minutes: 45,
    timezone: "Europe/Paris",
    interviewers: [ivy],
    interviewee: candidates[6],
    cancel: true,
  },
  // Upcoming without an interviewee yet: the event page shows the terms notice.
  {
    employerId: acme,
    organizer: "u-dana",
    title: "Hold: hardware interview (candidate to be added)",
    startsIn: 9 * DAY,
    minutes: 60,
    timezone: "America/Denver",
    interviewers: [ivy],
  },
  {
    employerId: globex,
    organizer: "u-dana",
    title: "Dispatcher: phone screen",
    startsIn: -4 * DAY,
    minutes: 30,
    timezone: "America/Chicago",
    interviewers: [],
    interviewee: candidates[7],
    sessions: [{ recording: "available", processingMinutes: 10 }],
    decisions: [{ interviewerEmail: dana, value: "YES", noteText: "Calm under pressure." }],
  },
  {
    employerId: globex,
    organizer: "u-dana",
    title: "Warehouse lead: interview",
    startsIn: 3 * DAY,
    minutes: 45,
    timezone: "America/Chicago",
    interviewers: [],
    interviewee: candidates[2],
  },
  {
    employerId: initech,
    organizer: "u-sam",
    title: "Line cook: working interview debrief",
    startsIn: -1 * DAY,
    minutes: 30,
    timezone: "America/Phoenix",
    interviewers: [],
    interviewee: candidates[3],
    sessions: [{ recording: "none" }],
    decisions: [{ interviewerEmail: sam, value: "MAYBE", noteText: "Check references." }],
  },
  {
    employerId: initech,
    organizer: "u-sam",
    title: "Food scientist: technical interview",
    startsIn: 4 * DAY,
    minutes: 60,
    timezone: "Pacific/Auckland",
    interviewers: ["lab.manager@initech-foods.example"],
    interviewee: candidates[4],
  },
];

function iso(ms: number): string {
  return `${new Date(Math.floor(ms / 60_000) * 60_000).toISOString().slice(0, 19)}+00:00`;
}

/** A uuid (version 5 layout) from the virtual day, employer and title: one event each per day. */
function demoUuid(day: string, item: DemoEvent): string {
  const hex = createHash("sha1").update(`${day}|${item.employerId}|${item.title}`).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Whether an earlier run on the same virtual day added the event already. */
async function eventExists(uuid: string): Promise<boolean> {
  const response = await fetch(`${base}/_sandbox/events/${uuid}`, {
    headers: { Accept: "application/json" },
  });
  if (response.status === 404) return false;
  if (!response.ok) throw new Error(`GET /_sandbox/events/${uuid} answered ${response.status}`);
  return true;
}

async function cancel(employerId: string, organizer: string, id: string): Promise<void> {
  const { access_token: token } = await call<{ access_token: string }>(
    "POST",
    "/_sandbox/oauth/tokens",
    {
      client_id: "lobby-local",
      user: organizer,
      employer: employerId,
    },
  );
  const answer = await call<{ errors?: unknown[] }>(
    "POST",
    "/graphql",
    {
      query:
        "mutation CancelEvent($id: ID!) { cancelVirtualInterviewEvent(input: { id: $id }) { event { id status } } }",
      variables: { id },
    },
    { Authorization: `Bearer ${token}`, "indeed-client-id": "lobby-local" },
  );
  if (answer.errors) throw new Error(`cancel failed: ${JSON.stringify(answer.errors)}`);
}

async function main(): Promise<void> {
  const { now } = await call<{ now: string }>("GET", "/_sandbox/clock");
  const nowMs = Date.parse(now);
  const day = now.slice(0, 10);
  let added = 0;
  for (const item of demo) {
    const when = item.startsIn < 0 ? "past    " : "upcoming";
    const uuid = demoUuid(day, item);
    if (await eventExists(uuid)) {
      console.log(`  ${when}  ${item.title} (already there)`);
      continue;
    }
    const startMs = nowMs + item.startsIn;
    const endMs = startMs + item.minutes * 60_000;
    const event = await call<{ id: string; uuid: string }>("POST", "/_sandbox/events", {
      uuid,
      employerId: item.employerId,
      organizer: item.organizer,
      title: item.title,
      startTime: iso(startMs),
      endTime: iso(endMs),
      timezone: item.timezone,
      interviewers: item.interviewers,
      interviewee: item.interviewee,
      atsName: "Lobby",
    });
    for (const session of item.sessions ?? []) {
      await call("POST", `/_sandbox/events/${event.uuid}/sessions`, {
        ...session,
        endedAt: iso(Math.min(endMs, nowMs)),
      });
    }
    for (const decision of item.decisions ?? []) {
      await call("POST", `/_sandbox/events/${event.uuid}/decisions`, decision);
    }
    if (item.cancel) await cancel(item.employerId, item.organizer, event.id);
    added += 1;
    console.log(`  ${when}  ${item.title}`);
  }
  const kept = demo.length - added;
  console.log(
    `Seeded ${added} events on ${base}${kept ? ` (${kept} were there already)` : ""}. Browse them at ${base}/_sandbox/events`,
  );
}

main().catch((error: unknown) => {
  console.error(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`Is the sandbox running at ${base}? Start it with npm run sandbox.`);
  process.exit(1);
});
