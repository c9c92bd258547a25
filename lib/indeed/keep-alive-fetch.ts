import "server-only";
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/**
 * The Indeed client's transport: `fetch`'s shape over Node's own HTTP client with one keep-alive
 * pool per process, so calls to Indeed reuse warm connections (TLS included) and skip the web
 * streams of undici's fetch and the caching layer Next wraps around the global `fetch` in route
 * handlers, which a POST with a bearer token never uses. The body is read whole (Indeed's
 * answers are small JSON). Redirects are not followed: a redirected GraphQL POST is answered as
 * the failure it is, never re-sent with the token. TLS is verified as Node always does.
 */

// An idle socket is closed after 4 s (sooner if the server's Keep-Alive hint says so), before a
// server with Node's default 5 s keep-alive closes it under a request being sent on it.
const agentOptions = { keepAlive: true, timeout: 4_000, maxSockets: 128, maxFreeSockets: 32 };
const agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };

function headersOf(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/** Statuses a Response may not carry a body with. */
const NULL_BODY = new Set([101, 204, 205, 304]);

export function keepAliveFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(String(input));
  const secure = url.protocol === "https:";
  const { signal } = init;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    if (init.body != null && typeof init.body !== "string") {
      reject(new TypeError("keepAliveFetch sends string bodies only"));
      return;
    }
    const send = secure ? httpsRequest : httpRequest;
    const request = send(
      url,
      {
        method: init.method ?? "GET",
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        agent: secure ? agents.https : agents.http,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", fail);
        response.on("end", () => {
          signal?.removeEventListener("abort", abort);
          const status = response.statusCode ?? 502;
          if (status < 200 || status > 599) {
            reject(new TypeError(`Indeed answered with HTTP status ${status}`));
            return;
          }
          resolve(
            new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), {
              status,
              statusText: response.statusMessage,
              headers: headersOf(response),
            }),
          );
        });
      },
    );
    function fail(error: unknown) {
      signal?.removeEventListener("abort", abort);
      reject(error);
    }
    function abort() {
      request.destroy();
      reject(signal!.reason);
    }
    signal?.addEventListener("abort", abort, { once: true });
    request.on("error", fail);
    request.end(init.body ?? undefined);
  });
}
