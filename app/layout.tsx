import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Lobby", template: "%s · Lobby" },
  description: "Schedule Indeed virtual interviews from your applicant tracking system.",
};

// Every page renders per request: the CSP nonce (proxy.ts) changes with each one, and the
// header shows who is signed in.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <AppShell>{children}</AppShell>
      </body>
    </html>
  );
}
