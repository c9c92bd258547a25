"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

/**
 * Starts Indeed's sign-in (next-auth fetches a CSRF token, then redirects to Indeed's consent
 * page). `callbackUrl` must already be a safe relative path; the server checks it again.
 */
export function SignInButton({
  callbackUrl = "/",
  children = "Sign in with Indeed",
  ...props
}: { callbackUrl?: string } & Omit<ButtonProps, "onClick" | "loading">) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      {...props}
      loading={busy}
      onClick={() => {
        setBusy(true);
        void signIn("indeed", { callbackUrl }).catch(() => setBusy(false));
      }}
    >
      {children}
    </Button>
  );
}
