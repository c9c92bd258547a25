import type { ReactNode } from "react";
import { QueryProvider } from "@/lib/indeed/query-provider";

/**
 * The calendar reads Indeed's events through react-query. The event page and the create form sit
 * outside this layout (the `(without-react-query)` group): the event page loads react-query with
 * its change dialogs, on first intent.
 */
export default function InterviewsLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
