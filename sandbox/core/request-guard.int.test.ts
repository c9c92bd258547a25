import { request } from "node:http";
import { beforeEach, describe, expect, it } from "vitest";
import { advanceClock, control, setupTestSandbox } from "../testing/harness";

// What a web page in the developer's browser could send to the sandbox's control plane: a
// cross-site form, a text/plain "simple" request, a DNS-rebound host name. Each is refused
// before its handler runs, so the state (here a clock a day ahead) survives.

const sandbox = setupTestSandbox({ resetBeforeEach: true });
const DAY_MS = 86_400_000;

/** A request with exactly these headers (fetch would add or forbid some, e.g. Host). */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body = "",
): Promise<{ status: number; contentType: string; json: Record<string, unknown> }> {
  const url = new URL(path, sandbox.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers["content-type"] ?? "",
            json: text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : {},
          });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const host = () => new URL(sandbox.url).host;
const port = () => new URL(sandbox.url).port;

async function clockOffset(): Promise<number> {
  return (await control<{ offsetMs: number }>(sandbox, "GET", "/_sandbox/clock")).body.offsetMs;
}

/** Every state-changing control route, with a body its handler would accept. */
const CONTROL_WRITES = [
  "/_sandbox/reset",
  "/_sandbox/clock/advance",
  "/_sandbox/oauth/tokens",
  "/_sandbox/oauth/grants/g-unknown/revoke",
  "/_sandbox/users/u-dana/revoke",
  "/_sandbox/oauth/keys/rotate",
  "/_sandbox/oauth/mode",
  "/_sandbox/faults/token",
  "/_sandbox/faults/token/clear",
  "/_sandbox/events",
  "/_sandbox/events/bulk",
  "/_sandbox/interviews/settings",
  "/_sandbox/faults/graphql",
  "/_sandbox/faults/graphql/clear",
  "/_sandbox/ratelimit/graphql",
];

beforeEach(async () => {
  await advanceClock(sandbox, { days: 1 });
});

describe("a state-changing control request from a web page", () => {
  it("refuses a cross-site form POST to /_sandbox/reset with 403, and nothing is reset", async () => {
    const form = { Host: host(), "Content-Type": "application/x-www-form-urlencoded" };
    for (const headers of [
      { ...form, Origin: "https://evil.example" },
      { ...form, Origin: "null" },
      { ...form, Origin: `http://localhost:${Number(port()) + 1}` },
      { ...form, "Sec-Fetch-Site": "cross-site" },
    ]) {
      const answer = await send("POST", "/_sandbox/reset", headers, "confirm=1");
      expect([answer.status, answer.contentType, answer.json.error]).toEqual([
        403,
        "application/json; charset=utf-8",
        "Control requests from another origin are refused",
      ]);
    }
    expect(await clockOffset()).toBe(DAY_MS);
  });

  it("refuses another origin even with a JSON body (a page cannot, but a header says so)", async () => {
    const json = { Host: host(), "Content-Type": "application/json" };
    for (const headers of [
      { ...json, Origin: "https://evil.example" },
      { ...json, "Sec-Fetch-Site": "cross-site" },
      { ...json, "Sec-Fetch-Site": "same-site" },
    ]) {
      expect((await send("POST", "/_sandbox/reset", headers, "{}")).status).toBe(403);
    }
    expect(await clockOffset()).toBe(DAY_MS);
  });

  it("answers 415 with a JSON error to a text/plain, form, multipart or typeless POST", async () => {
    for (const type of [
      "text/plain",
      "text/plain;charset=UTF-8",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      undefined,
    ]) {
      const headers: Record<string, string> = { Host: host() };
      if (type) headers["Content-Type"] = type;
      const answer = await send("POST", "/_sandbox/reset", headers, "{}");
      expect([answer.status, answer.contentType]).toEqual([415, "application/json; charset=utf-8"]);
      expect(answer.json.error).toMatch(/Content-Type: application\/json/);
    }
    expect(await clockOffset()).toBe(DAY_MS);
  });

  it("is refused on every control route, not only reset", async () => {
    for (const path of CONTROL_WRITES) {
      const crossSite = await send(
        "POST",
        path,
        { Host: host(), Origin: "https://evil.example", "Content-Type": "text/plain" },
        "{}",
      );
      const textPlain = await send(
        "POST",
        path,
        { Host: host(), "Content-Type": "text/plain" },
        "{}",
      );
      expect([path, crossSite.status, textPlain.status]).toEqual([path, 403, 415]);
    }
    expect(await clockOffset()).toBe(DAY_MS);
  });

  it("is POST only: the former DELETE routes and other methods answer 405", async () => {
    const json = { Host: host(), "Content-Type": "application/json" };
    for (const [method, path] of [
      ["DELETE", "/_sandbox/faults/token"],
      ["DELETE", "/_sandbox/faults/graphql"],
      ["PUT", "/_sandbox/reset"],
    ] as const) {
      expect((await send(method, path, json, "{}")).status).toBe(405);
    }
    expect(await clockOffset()).toBe(DAY_MS);
  });
});

describe("a JSON control request from a script or the sandbox's own origin", () => {
  it("is accepted: the reset goes through", async () => {
    const answer = await send(
      "POST",
      "/_sandbox/reset",
      { Host: host(), "Content-Type": "application/json" },
      "{}",
    );
    expect([answer.status, answer.json]).toEqual([200, { ok: true }]);
    expect(await clockOffset()).toBe(0);
  });

  it("is accepted with the sandbox's own Origin and Sec-Fetch-Site: same-origin", async () => {
    const answer = await send(
      "POST",
      "/_sandbox/clock/advance",
      {
        Host: host(),
        Origin: sandbox.url,
        "Sec-Fetch-Site": "same-origin",
        "Content-Type": "application/json; charset=utf-8",
      },
      JSON.stringify({ days: 1 }),
    );
    expect(answer.status).toBe(200);
    expect(await clockOffset()).toBe(2 * DAY_MS);
  });
});

describe("the Host header (DNS rebinding)", () => {
  it("answers 421 to a foreign Host on every path, pages and control alike", async () => {
    for (const foreign of [`evil.example:${port()}`, "evil.example", `127.0.0.2:${port()}`]) {
      for (const [method, path] of [
        ["GET", "/"],
        ["GET", "/_sandbox/journal"],
        ["GET", "/.well-known/openid-configuration"],
        ["GET", "/account/sign-in"],
        ["POST", "/_sandbox/reset"],
      ] as const) {
        const answer = await send(
          method,
          path,
          { Host: foreign, "Content-Type": "application/json" },
          method === "POST" ? "{}" : "",
        );
        expect([foreign, path, answer.status]).toEqual([foreign, path, 421]);
        expect(answer.json.error).toMatch(/Host header/);
      }
    }
    expect(await clockOffset()).toBe(DAY_MS);
  });

  it("serves the loopback names on its port and the issuer's host", async () => {
    for (const own of [`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`, host()]) {
      expect((await send("GET", "/_sandbox/clock", { Host: own })).status).toBe(200);
    }
  });
});
