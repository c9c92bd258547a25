import { describe, expect, it, vi } from "vitest";
import { cookieFromHeader } from "./session-claims";

vi.mock("@/lib/config", () => ({
  config: () => ({ appUrl: "http://localhost:3000", authSecret: "x".repeat(32) }),
}));

describe("reading the session cookie from a Cookie header", () => {
  it("finds the named cookie and ignores look-alikes", () => {
    const header = "other=1; lobby.session.x=2; lobby.session=abc%3D; z=3";
    expect(cookieFromHeader(header, "lobby.session")).toBe("abc=");
    expect(cookieFromHeader(header, "missing")).toBeUndefined();
    expect(cookieFromHeader(null, "lobby.session")).toBeUndefined();
  });
});
