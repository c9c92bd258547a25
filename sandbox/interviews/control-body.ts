import type { z } from "zod";
import { checkBody, readJson } from "../core/control";
import type { SandboxRequest } from "../core/http";

/** True when a page's form (not a script) sent the request: answer with a redirect, not JSON. */
export function isFormPost(req: SandboxRequest): boolean {
  return (req.headers["content-type"] ?? "")
    .toLowerCase()
    .startsWith("application/x-www-form-urlencoded");
}

/** A control-API body, JSON or a page's form, checked against `schema` (400 with the reasons). */
export async function readControlBody<T extends z.ZodType>(
  req: SandboxRequest,
  schema: T,
): Promise<z.infer<T>> {
  let body: Record<string, unknown>;
  if (isFormPost(req)) {
    const form = new URLSearchParams((await req.body(16 * 1024)).toString("utf8"));
    // Empty form fields mean "not given".
    body = Object.fromEntries([...form.entries()].filter(([, value]) => value !== ""));
  } else {
    body = await readJson(req);
  }
  return checkBody(body, schema);
}
