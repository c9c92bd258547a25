import { Button, type ButtonProps } from "@/components/ui/button";

/**
 * Starts Indeed's sign-in: a link to Lobby's start route, which redirects to Indeed's consent
 * page, so it works without JavaScript. A link, not a form: the pages' CSP has
 * `form-action 'self'`, and Chrome applies it to the redirect a form submission ends in.
 * `callbackUrl` must already be a safe relative path; the server checks it again.
 */
export function SignInButton({
  callbackUrl = "/",
  children = "Sign in with Indeed",
  ...props
}: { callbackUrl?: string } & Omit<ButtonProps, "onClick" | "loading" | "asChild" | "type">) {
  const href = `/api/auth/signin/indeed?${new URLSearchParams({ callbackUrl }).toString()}`;
  return (
    <Button {...props} asChild>
      <a href={href} role="button">
        {children}
      </a>
    </Button>
  );
}
