import { HttpError, type SandboxRequest } from "../core/http";

/** A form body the sandbox will not read: the message is safe to show (no echoed values). */
export class FormError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const MAX_FORM_BYTES = 16 * 1024;
/** Real codes, tokens and verifiers are far shorter; the cap keeps hostile input cheap. */
const MAX_VALUE_LENGTH = 4096;
const MAX_NAME_LENGTH = 64;

export function mediaType(req: SandboxRequest): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Reads an `application/x-www-form-urlencoded` body into a Map. A parameter sent twice, an
 * oversized one or another content type is refused (RFC 6749 §3.2 forbids repeats).
 */
export async function readForm(req: SandboxRequest): Promise<Map<string, string>> {
  if (mediaType(req) !== "application/x-www-form-urlencoded") {
    throw new FormError("The request body must be application/x-www-form-urlencoded");
  }
  let body: Buffer;
  try {
    body = await req.body(MAX_FORM_BYTES);
  } catch (error) {
    if (error instanceof HttpError && error.status === 413)
      throw new FormError("The request body is too large", 413);
    throw error;
  }
  const form = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(body.toString("utf8"))) {
    if (name.length > MAX_NAME_LENGTH) throw new FormError("A parameter name is too long");
    if (value.length > MAX_VALUE_LENGTH) throw new FormError(`The ${name} parameter is too long`);
    if (form.has(name)) throw new FormError(`The ${name} parameter is sent more than once`);
    form.set(name, value);
  }
  return form;
}
