import { classNames } from "./class-names";

/** A placeholder block while content loads; hidden from assistive tech (announce loading elsewhere). */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={classNames(
        "animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none",
        className,
      )}
    />
  );
}
