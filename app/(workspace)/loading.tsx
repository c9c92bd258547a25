import { Skeleton } from "@/components/ui/skeleton";

/** While a work page loads on the server: its shape, and a status for screen readers. */
export default function Loading() {
  return (
    <section className="space-y-6" aria-busy="true">
      <p role="status" className="sr-only">
        Loading…
      </p>
      <Skeleton className="h-8 w-64" />
      <div className="space-y-3">
        {Array.from({ length: 6 }, (_, row) => (
          <Skeleton key={row} className="h-12 w-full" />
        ))}
      </div>
    </section>
  );
}
