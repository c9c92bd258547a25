import type { ReactNode } from "react";
import { QueryProvider } from "@/lib/indeed/query-provider";

/** The interview pages read and change Indeed's events through react-query; no other page loads it. */
export default function InterviewsLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
