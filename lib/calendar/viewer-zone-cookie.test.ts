import { describe, expect, it } from "vitest";
import {
  decodeViewerZoneCookie,
  readViewerZoneCookie,
  VIEWER_ZONE_COOKIE,
  viewerZoneCookie,
} from "./viewer-zone-cookie";

describe("the viewer's zone cookie", () => {
  it("writes the zone, encoded, for a year, Secure on https only", () => {
    expect(viewerZoneCookie("America/New_York", true)).toBe(
      `${VIEWER_ZONE_COOKIE}=America%2FNew_York; Path=/; Max-Age=31536000; SameSite=Lax; Secure`,
    );
    expect(viewerZoneCookie("Asia/Kolkata", false)).not.toContain("Secure");
  });

  it("reads back a zone this runtime knows, and nothing else", () => {
    expect(readViewerZoneCookie("Asia%2FKolkata")).toBe("Asia/Kolkata");
    expect(readViewerZoneCookie("UTC")).toBe("UTC");
    expect(readViewerZoneCookie(undefined)).toBeNull();
    expect(readViewerZoneCookie("")).toBeNull();
    expect(readViewerZoneCookie("Mars%2FOlympus_Mons")).toBeNull();
    expect(readViewerZoneCookie("%E0%A4%A")).toBeNull();
    expect(readViewerZoneCookie("x".repeat(200))).toBeNull();
  });

  it("decodes what the browser wrote without judging it, so the browser can tell it wrote it", () => {
    expect(decodeViewerZoneCookie("Mars%2FOlympus_Mons")).toBe("Mars/Olympus_Mons");
    expect(decodeViewerZoneCookie(undefined)).toBeNull();
    expect(decodeViewerZoneCookie("%E0%A4%A")).toBeNull();
  });
});
