/** The note an ambiguous local time gets (lib/scheduling/ambiguous-time.ts words it). */
export function AmbiguousTimeMessage({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p
      role="status"
      className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      {message}
    </p>
  );
}
