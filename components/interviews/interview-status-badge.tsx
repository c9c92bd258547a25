import { Badge } from "@/components/ui/badge";

/** Indeed's event status; an unknown value reads as scheduled, as the schema advises. */
export function InterviewStatusBadge({ status }: { status: string | null | undefined }) {
  return status === "CANCELED" ? (
    <Badge tone="danger">Canceled</Badge>
  ) : (
    <Badge tone="success">Scheduled</Badge>
  );
}
