import type { ReactNode } from "react";
import { buttonClassName, type ButtonSize, type ButtonVariant } from "@/components/ui/button";

/**
 * Starts Indeed's sign-in: a link to Lobby's start route, which redirects to Indeed's consent
 * page, so it works without JavaScript. A link, not a form: the pages' CSP has
 * `form-action 'self'`, and Chrome applies it to the redirect a form submission ends in.
 * `callbackUrl` must already be a safe relative path; the server checks it again.
 */
export function SignInButton({
  callbackUrl = "/",
  children = "Sign in with Indeed",
  variant,
  size,
  className,
}: {
  callbackUrl?: string;
  children?: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}) {
  const href = `/api/auth/signin/indeed?${new URLSearchParams({ callbackUrl }).toString()}`;
  return (
    <a href={href} role="button" className={buttonClassName({ variant, size, className })}>
      {children}
    </a>
  );
}
