import { describe, expect, it } from "vitest";
import { readBodyLimited, withBodyLimit } from "./body-limit";

function streamOf(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size).fill(97));
      else controller.close();
    },
  });
}

describe("body limits", () => {
  it("refuses a body whose declared length is over the limit without reading it", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "content-length": "100000" },
      body: "small",
    });
    expect(await readBodyLimited(request, 1024)).toBeNull();
    expect(request.bodyUsed).toBe(false);
  });

  it("cuts off a chunked body that declares nothing once it passes the limit", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: streamOf(100, 1024),
      duplex: "half",
    } as RequestInit);
    expect(await withBodyLimit(request, 8 * 1024)).toBeNull();
  });

  it("keeps a small form readable", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "employerId=emp-1&returnTo=%2Fapplications",
    });
    const limited = await withBodyLimit(request, 8 * 1024);
    const form = await limited!.formData();
    expect(form.get("employerId")).toBe("emp-1");
    expect(form.get("returnTo")).toBe("/applications");
  });
});
