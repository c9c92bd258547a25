import type { applications } from "@/lib/db/schema";

/** The stages an application moves through, in order, with their labels. Client-safe. */
export const APPLICATION_STAGES = [
  "new",
  "screening",
  "interview",
  "offer",
  "hired",
  "rejected",
] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

// Fails to compile if the database's stage enum and this list drift apart.
type DatabaseStage = (typeof applications.stage.enumValues)[number];
const sameStages: [DatabaseStage, ApplicationStage] extends [ApplicationStage, DatabaseStage]
  ? true
  : never = true;
void sameStages;

export const STAGE_LABELS: Record<ApplicationStage, string> = {
  new: "New",
  screening: "Screening",
  interview: "Interview",
  offer: "Offer",
  hired: "Hired",
  rejected: "Rejected",
};

export function isApplicationStage(value: unknown): value is ApplicationStage {
  return typeof value === "string" && (APPLICATION_STAGES as readonly string[]).includes(value);
}
