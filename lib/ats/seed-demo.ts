import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { applications, jobs } from "@/lib/db/schema";
import type { ApplicationStage } from "./application-stages";

/**
 * Demo jobs and applicants for an employer seen for the first time against the Indeed sandbox,
 * so there is something to schedule. Idempotent and safe under concurrent page loads: fixed
 * external ids, unique keys and `on conflict do nothing`.
 */

const DEMO_JOBS = [
  { externalId: "DEMO-JOB-ENG", title: "Senior Software Engineer", location: "Remote (US)" },
  { externalId: "DEMO-JOB-DES", title: "Product Designer", location: "Austin, TX" },
  { externalId: "DEMO-JOB-CSM", title: "Customer Success Manager", location: "Chicago, IL" },
  { externalId: "DEMO-JOB-DATA", title: "Data Analyst", location: "Toronto, ON" },
  { externalId: "DEMO-JOB-OPS", title: "Warehouse Operations Lead", location: "Reno, NV" },
] as const;

const DEMO_APPLICANTS = [
  "Amara Okafor",
  "Liam Chen",
  "Sofia Rossi",
  "Noah Williams",
  "Priya Natarajan",
  "Mateo García",
  "Hannah Müller",
  "Kwame Mensah",
  "Yuki Tanaka",
  "Olivia Brown",
  "Arjun Mehta",
  "Chloé Martin",
  "Ethan Johnson",
  "Fatima Al-Sayed",
  "Lucas Silva",
  "Ava Thompson",
  "Dmitri Ivanov",
  "Isabella Lopez",
  "Samuel Adeyemi",
  "Mia Kowalski",
  "Jae-won Park",
  "Grace O'Connor",
  "Omar Haddad",
  "Zoe Nguyen",
  "Benjamin Cohen",
  "Leila Rahimi",
  "Daniel Kim",
  "Aisha Bello",
  "Gabriel Dubois",
  "Nora Lindqvist",
  "Tomás Fernández",
  "Emily Davis",
  "Ravi Shankar",
  "Ingrid Hansen",
  "Kofi Boateng",
  "Lucía Romero",
] as const;

const STAGE_CYCLE: ApplicationStage[] = [
  "new",
  "screening",
  "interview",
  "new",
  "screening",
  "offer",
  "new",
  "rejected",
];
const DAY = 24 * 60 * 60 * 1000;

/** `Grace O'Connor` → `grace.oconnor@example.com` (a reserved domain: demo mail goes nowhere). */
function demoEmail(name: string): string {
  const local = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .trim()
    .replace(/\s+/g, ".");
  return `${local}@example.com`;
}

export function demoApplications(now: Date = new Date()) {
  return DEMO_APPLICANTS.map((name, index) => ({
    externalId: `DEMO-APP-${String(1001 + index)}`,
    applicantName: name,
    applicantEmail: demoEmail(name),
    jobExternalId: DEMO_JOBS[index % DEMO_JOBS.length]!.externalId,
    stage: STAGE_CYCLE[index % STAGE_CYCLE.length]!,
    appliedAt: new Date(now.getTime() - ((index * 17 + 3) * DAY) / 8),
  }));
}

/** Seeds the demo data unless the employer already has any job. Returns whether it seeded. */
export async function seedDemoData(
  database: Database,
  employerId: string,
  now: Date = new Date(),
): Promise<boolean> {
  const [existing] = await database
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.employerId, employerId))
    .limit(1);
  if (existing) return false;

  await database.transaction(async (tx) => {
    await tx
      .insert(jobs)
      .values(DEMO_JOBS.map((job) => ({ ...job, employerId })))
      .onConflictDoNothing({ target: [jobs.employerId, jobs.externalId] });
    const jobRows = await tx
      .select({ id: jobs.id, externalId: jobs.externalId })
      .from(jobs)
      .where(
        and(
          eq(jobs.employerId, employerId),
          inArray(
            jobs.externalId,
            DEMO_JOBS.map((job) => job.externalId),
          ),
        ),
      );
    const jobIds = new Map(jobRows.map((job) => [job.externalId, job.id]));
    await tx
      .insert(applications)
      .values(
        demoApplications(now).map(({ jobExternalId, ...application }) => ({
          ...application,
          employerId,
          jobId: jobIds.get(jobExternalId)!,
        })),
      )
      .onConflictDoNothing({ target: [applications.employerId, applications.externalId] });
  });
  return true;
}
