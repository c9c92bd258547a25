import { Badge } from "@/components/ui/badge";
import type { DataRequestState } from "@/lib/privacy/data-request-schema";

/** Open with days left, overdue (a warning), or fulfilled. */
export function DataRequestStatus({ state }: { state: DataRequestState }) {
  switch (state.status) {
    case "fulfilled":
      return <Badge tone="success">Fulfilled</Badge>;
    case "overdue":
      return (
        <Badge tone="danger">
          Overdue by {state.daysLate} {state.daysLate === 1 ? "day" : "days"}
        </Badge>
      );
    case "open":
      return (
        <Badge tone={state.daysLeft <= 7 ? "warning" : "neutral"}>
          {state.daysLeft === 0
            ? "Due today"
            : `Open, ${state.daysLeft} ${state.daysLeft === 1 ? "day" : "days"} left`}
        </Badge>
      );
  }
}
