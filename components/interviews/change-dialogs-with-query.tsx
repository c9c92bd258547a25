"use client";

import type { ComponentProps } from "react";
import { QueryProvider } from "@/lib/indeed/query-provider";
import { InterviewChangeDialogs } from "./interview-change-dialogs";

/**
 * The event page's change dialogs with the tab's react-query client around them: the page sits
 * outside the interview pages' react-query layout, so react-query loads with the dialogs, on
 * first intent, not with the page (docs/decisions/0091).
 */
export function ChangeDialogsWithQuery(props: ComponentProps<typeof InterviewChangeDialogs>) {
  return (
    <QueryProvider>
      <InterviewChangeDialogs {...props} />
    </QueryProvider>
  );
}
