import type { ServerResponse } from "node:http";
import type { SandboxRequest } from "../core/http";
import { sendPage } from "../core/page";
import { FormError, readForm } from "./form-body";
import { errorPage } from "./pages";

// What the sandbox's browser-facing forms (authorize steps, account sign-in) share: reading
// the posted form into an error page rather than JSON, and the redirect after a post.

/** 303: the browser follows with a GET, whatever the method that led here. */
export function seeOther(
  res: ServerResponse,
  location: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(303, {
    Location: location,
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    ...headers,
  });
  res.end();
}

/** Reads a posted page form; when it cannot be read, answers an HTML error page and returns undefined. */
export async function readPageForm(
  req: SandboxRequest,
  res: ServerResponse,
): Promise<Map<string, string> | undefined> {
  try {
    return await readForm(req);
  } catch (error) {
    if (!(error instanceof FormError)) throw error;
    sendPage(res, error.status, errorPage("The form could not be read", error.message));
    return undefined;
  }
}
