/**
 * Body limits for route handlers. The declared Content-Length is checked first, then the
 * stream is read and cut off past the limit (a chunked body declares nothing), so a large body
 * costs Lobby at most `limit` bytes and ends in a 413, never a 500.
 */

/** The small form and JSON posts of the session routes (employer switch, sign-out). */
export const SESSION_FORM_MAX_BYTES = 8 * 1024;

/** The body's bytes, or null when it is larger than `limit`. */
export async function readBodyLimited(request: Request, limit: number): Promise<Buffer | null> {
  if (declaredTooLarge(request, limit)) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function declaredTooLarge(request: Request, limit: number): boolean {
  const declared = Number(request.headers.get("content-length"));
  return Number.isFinite(declared) && declared > limit;
}

/**
 * The same request with its body read under the limit (so `.formData()` and `.json()` work as
 * before), or null when the body is larger.
 */
export async function withBodyLimit(request: Request, limit: number): Promise<Request | null> {
  const body = await readBodyLimited(request, limit);
  return body === null ? null : withBody(request, body);
}

/** The same request with its body already read. */
export function withBody(request: Request, body: Buffer): Request {
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: body.byteLength > 0 ? new Uint8Array(body) : null,
  });
}
