import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepAliveFetch } from "./keep-alive-fetch";

describe("keepAliveFetch", () => {
  let server: Server;
  let url: string;
  let connections = 0;
  let seen: { method?: string; headers: IncomingMessage["headers"]; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        seen.push({ method: request.method, headers: request.headers, body });
        if (request.url === "/slow") return void setTimeout(() => response.end("late"), 500);
        if (request.url === "/empty") return void response.writeHead(204).end();
        if (request.url === "/moved")
          return void response.writeHead(307, { location: "/elsewhere" }).end();
        response.writeHead(201, { "content-type": "application/json", "retry-after": "7" });
        response.end(JSON.stringify({ echo: body }));
      });
    });
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("sends the method, headers and body and answers a Response with status, headers and body", async () => {
    seen = [];
    const response = await keepAliveFetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer t" },
      body: '{"query":"{ a }"}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toEqual({ echo: '{"query":"{ a }"}' });
    expect(seen[0]).toMatchObject({ method: "POST", body: '{"query":"{ a }"}' });
    expect(seen[0]!.headers.authorization).toBe("Bearer t");
  });

  it("reuses one connection for calls one after another", async () => {
    const before = connections;
    for (let i = 0; i < 5; i++)
      await (await keepAliveFetch(`${url}/x`, { method: "POST", body: "{}" })).text();
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it("answers a bodiless status, and does not follow a redirect", async () => {
    expect((await keepAliveFetch(`${url}/empty`)).status).toBe(204);
    const moved = await keepAliveFetch(`${url}/moved`, { method: "POST", body: "{}" });
    expect(moved.status).toBe(307);
    expect(seen.at(-1)?.method).toBe("POST");
  });

  it("rejects with the signal's reason when it times out, as fetch does", async () => {
    await expect(
      keepAliveFetch(`${url}/slow`, {
        method: "POST",
        body: "{}",
        signal: AbortSignal.timeout(50),
      }),
    ).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("rejects when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      keepAliveFetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", body: "{}" }),
    ).rejects.toThrow();
  });
});
