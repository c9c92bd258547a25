import "server-only";
import Link from "next/link";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SignInButton } from "@/components/auth/sign-in-button";
import { IndeedTermsFooter } from "@/components/legal/indeed-terms-footer";
import { safeReturnPath } from "@/lib/auth/return-path";
import { refreshTokenExpiresSoon } from "@/lib/auth/connection-expiry";
import { getEmployerSession } from "@/lib/auth/current-session";
import type { EmployerSession } from "@/lib/auth/load-session";
import { isEmployerAdmin } from "@/lib/auth/roles";
import { IndeedEmployerProvider } from "@/lib/indeed/employer-context";
import { EmployerMenu } from "./employer-menu";
import { NavLinkPending } from "./nav-link-pending";

const navigation = [
  { href: "/applications", label: "Applications" },
  { href: "/interviews", label: "Interviews" },
  { href: "/reviews", label: "Reviews" },
  { href: "/settings", label: "Settings" },
  { href: "/privacy", label: "Privacy" },
];

async function currentSession(): Promise<EmployerSession | null> {
  try {
    return await getEmployerSession();
  } catch (error) {
    // The frame must render even when the database is down; pages check the session themselves.
    console.error("[app-shell] session lookup failed", (error as Error).name);
    return null;
  }
}

/** The frame of every page: skip link, header with product, navigation and account. */
export async function AppShell({ children }: { children: ReactNode }) {
  const session = await currentSession();
  const path = safeReturnPath((await headers()).get("x-lobby-path"));
  const expiresAt = session?.refreshTokenExpiresAt?.getTime();
  const expiringSoon = session ? refreshTokenExpiresSoon(session) : false;
  // Only an admin can open the audit log; the page checks again.
  const admin = session?.employerAccess ? await isEmployerAdmin(session).catch(() => false) : false;
  const links = admin ? [...navigation, { href: "/audit", label: "Audit log" }] : navigation;

  return (
    <IndeedEmployerProvider employerId={session?.employer.id ?? null}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
          <Link href="/" prefetch={false} className="text-lg font-semibold text-brand-700">
            Lobby
          </Link>
          <nav aria-label="Main">
            <ul className="flex gap-4 text-sm">
              {links.map((item) => (
                <li key={item.href}>
                  {/* No prefetch: every work page renders per request and has no loading
                      skeleton, so a prefetch fetched only the shared frame, a server render
                      per link on every page view (ADR 0094). */}
                  <Link
                    href={item.href}
                    prefetch={false}
                    className="relative rounded px-1 text-slate-700 hover:text-brand-700"
                  >
                    {item.label}
                    <NavLinkPending />
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto text-sm text-slate-700">
            {session ? (
              <EmployerMenu
                userLabel={session.user.name ?? session.user.email ?? "you"}
                employer={session.employer}
                employers={session.employers}
                returnTo={path}
              />
            ) : (
              <Link
                href={`/signin?callbackUrl=${encodeURIComponent(path)}`}
                className="text-brand-700 underline underline-offset-4"
              >
                Sign in
              </Link>
            )}
          </div>
        </div>
      </header>
      {session?.connectionStatus === "needs_reauth" && (
        <div
          role="alert"
          className="border-b border-amber-300 bg-amber-50"
          data-testid="reconnect-banner"
        >
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3 text-sm text-amber-950">
            <p>
              Indeed no longer accepts Lobby&apos;s connection to your account. Reconnect to keep
              scheduling interviews.
            </p>
            <SignInButton callbackUrl={path} size="sm">
              Reconnect to Indeed
            </SignInButton>
          </div>
        </div>
      )}
      {expiringSoon && (
        <div
          role="status"
          className="border-b border-amber-300 bg-amber-50"
          data-testid="expiry-banner"
        >
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3 text-sm text-amber-950">
            <p>
              Your Indeed connection ends on{" "}
              <time dateTime={new Date(expiresAt!).toISOString()}>
                {new Date(expiresAt!).toLocaleDateString("en-US", {
                  dateStyle: "long",
                  timeZone: "UTC",
                })}
              </time>
              . Reconnect before then to keep scheduling interviews.
            </p>
            <SignInButton callbackUrl={path} size="sm" variant="outline">
              Reconnect to Indeed
            </SignInButton>
          </div>
        </div>
      )}
      {/* At least a screen tall: the footer starts below the fold, so a part that arrives after
          the first paint (the week grid, a streamed section) does not push a visible footer down. */}
      <main id="main" className="mx-auto min-h-svh max-w-6xl px-4 py-8">
        {children}
      </main>
      <IndeedTermsFooter />
    </IndeedEmployerProvider>
  );
}
