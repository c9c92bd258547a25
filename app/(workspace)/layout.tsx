import type { ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";

/** The signed-in work pages (applications, interviews) share the toast region. */
export default function WorkspaceLayout({ children }: { children: ReactNode }) {
  return <ToastProvider>{children}</ToastProvider>;
}
