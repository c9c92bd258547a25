import Link from "next/link";
import type { ReactNode } from "react";

const navigation = [
  { href: "/applications", label: "Applications" },
  { href: "/interviews", label: "Interviews" },
  { href: "/privacy", label: "Privacy" },
];

/** The frame of every page: skip link, header with product, navigation and account. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-brand-700">
            Lobby
          </Link>
          <nav aria-label="Main">
            <ul className="flex gap-4 text-sm">
              {navigation.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="rounded px-1 text-slate-700 hover:text-brand-700">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto text-sm text-slate-600">Not signed in</div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
