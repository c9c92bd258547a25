import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_ID, setupTestSandbox } from "../testing/harness";
import { authorizeUrl, REDIRECT_URI } from "./test-harness";

const sandbox = setupTestSandbox();

async function post(path: string, body: BodyInit, headers: Record<string, string>) {
  const response = await fetch(`${sandbox.url}${path}`, { method: "POST", headers, body });
  return { status: response.status, text: await response.text() };
}

async function stillServing() {
  const response = await fetch(`${sandbox.url}/.well-known/openid-configuration`);
  expect(response.status).toBe(200);
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

describe("hostile or broken input never crashes the sandbox", () => {
  it("answers an RFC 6749 error for a huge token request body", async () => {
    const { status, text } = await post(
      "/oauth/v2/tokens",
      `grant_type=${"a".repeat(200_000)}`,
      FORM,
    );
    expect(status).toBe(413);
    expect(JSON.parse(text)).toMatchObject({ error: "invalid_request" });
    await stillServing();
  });

  it("refuses an oversized parameter", async () => {
    const { status, text } = await post(
      "/oauth/v2/tokens",
      `grant_type=refresh_token&refresh_token=${"x".repeat(5000)}`,
      FORM,
    );
    expect(status).toBe(400);
    expect(JSON.parse(text).error).toBe("invalid_request");
  });

  it("copes with malformed percent-encoding and binary bodies", async () => {
    expect((await post("/oauth/v2/tokens", "grant_type=%E0%A4%A&client_id=%%%", FORM)).status).toBe(
      400,
    );
    expect(
      (await post("/oauth/v2/tokens", new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0x01])]), FORM))
        .status,
    ).toBe(400);
    await stillServing();
  });

  it("copes with odd Authorization headers", async () => {
    for (const header of [
      "Basic",
      "Basic ===",
      "Bearer abc",
      `Basic ${Buffer.from("no-colon").toString("base64")}`,
      `Basic ${Buffer.from("%zz:%zz").toString("base64")}`,
    ]) {
      const { status, text } = await post("/oauth/v2/tokens", "grant_type=client_credentials", {
        ...FORM,
        Authorization: header,
      });
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(JSON.parse(text).error).toBeTruthy();
    }
    await stillServing();
  });

  it("answers 400 to bad JSON on control routes", async () => {
    for (const path of [
      "/_sandbox/oauth/tokens",
      "/_sandbox/oauth/mode",
      "/_sandbox/faults/token",
    ]) {
      expect((await post(path, "{not json", { "Content-Type": "application/json" })).status).toBe(
        400,
      );
      expect((await post(path, "[1,2]", { "Content-Type": "application/json" })).status).toBe(400);
      expect(
        (
          await post(path, JSON.stringify({ user: 42, rotation: "spin" }), {
            "Content-Type": "application/json",
          })
        ).status,
      ).toBe(400);
    }
    await stillServing();
  });

  it("shows a page, not a crash, for huge or repeated authorize parameters", async () => {
    const huge = await fetch(`${sandbox.url}${authorizeUrl({ client_id: "x".repeat(20_000) })}`, {
      redirect: "manual",
    });
    expect(huge.status).toBeLessThan(500);
    const repeated = await fetch(
      `${sandbox.url}/oauth/v2/authorize?client_id=${CLIENT_ID}&client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`,
      { redirect: "manual" },
    );
    expect(repeated.status).toBe(400);
    await stillServing();
  });

  it("rejects a garbage pending-request id and a form post without a session", async () => {
    expect((await fetch(`${sandbox.url}/oauth/v2/authorize/requests/__proto__`)).status).toBe(400);
    expect((await post("/oauth/v2/authorize/requests/constructor", "csrf=x", FORM)).status).toBe(
      400,
    );
    expect(
      (await fetch(`${sandbox.url}/oauth/v2/authorize/requests/%E0%A4%A`)).status,
    ).toBeLessThan(500);
    await stillServing();
  });

  it("answers 401 to garbage bearer tokens", async () => {
    for (const token of ["x", "a.b.c", "e30.e30.e30", "x".repeat(10_000)]) {
      const response = await fetch(`${sandbox.url}/v2/api/userinfo`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(401);
    }
    await stillServing();
  });

  it("survives a client that disconnects mid-body", async () => {
    await new Promise<void>((resolve) => {
      const url = new URL(`${sandbox.url}/oauth/v2/tokens`);
      const req = request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { ...FORM, "Content-Length": "1000" },
      });
      req.on("error", () => resolve());
      req.write("grant_type=refresh");
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    await stillServing();
  });

  it("refuses journal filters that are not whole numbers", async () => {
    for (const query of ["limit=abc", "limit=-5", "since=1e3"]) {
      expect((await fetch(`${sandbox.url}/_sandbox/journal?${query}`)).status).toBe(400);
    }
    expect((await fetch(`${sandbox.url}/_sandbox/journal?limit=2&since=0`)).status).toBe(200);
  });
});
