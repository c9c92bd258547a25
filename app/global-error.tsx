"use client";

import "./globals.css";

/** An error in the root layout itself: a page of its own, since the app shell failed too. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body className="min-h-screen p-8">
        <main className="mx-auto max-w-xl space-y-4" role="alert">
          <h1 className="text-2xl font-semibold tracking-tight">Lobby is having trouble</h1>
          <p className="text-slate-700">
            Lobby could not load. Nothing you saved was lost. Reload the page in a moment.
          </p>
          {error.digest && (
            <p className="text-sm text-slate-700">
              Reference: <code>{error.digest}</code>
            </p>
          )}
          {/* A full reload, not a client navigation: the shell itself needs to load again. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/" className="text-brand-700 underline underline-offset-4">
            Reload Lobby
          </a>
        </main>
      </body>
    </html>
  );
}
