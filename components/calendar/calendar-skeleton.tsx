import { Skeleton } from "@/components/ui/skeleton";

/** The calendar's body while its interviews, or the code that shows them, are on their way. */
export function CalendarSkeleton() {
  return (
    <div className="space-y-3">
      <p role="status" className="sr-only">
        Loading interviews…
      </p>
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} className="h-16 w-full" />
      ))}
    </div>
  );
}
