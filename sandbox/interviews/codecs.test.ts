import { describe, expect, it } from "vitest";
import {
  GUIDE_BASE64_IDS,
  GUIDE_CURSOR,
  GUIDE_BAD_CURSOR,
  GUIDE_UUIDS,
} from "../../test/guide-operations";
import { decodeCursor, encodeCursor } from "./page-cursor";
import { decodeEventId, decodeResourceId, encodeEventId } from "./resource-id";

describe("event ids", () => {
  it("reads the guide's base64 ids and bare uuids as the same event", () => {
    expect(decodeEventId(GUIDE_BASE64_IDS[0])).toBe(GUIDE_UUIDS[0]);
    expect(decodeEventId(GUIDE_BASE64_IDS[1])).toBe(GUIDE_UUIDS[1]);
    expect(decodeEventId(GUIDE_UUIDS[0])).toBe(GUIDE_UUIDS[0]);
    expect(decodeEventId(GUIDE_UUIDS[0].toUpperCase())).toBe(GUIDE_UUIDS[0]);
  });

  it("writes ids exactly as the guide shows them, padding included", () => {
    expect(encodeEventId(GUIDE_UUIDS[0])).toBe(GUIDE_BASE64_IDS[0]);
    expect(encodeEventId(GUIDE_UUIDS[1])).toBe(GUIDE_BASE64_IDS[1]);
  });

  it("rejects ids of other types, junk and oversized input", () => {
    const recordId = Buffer.from(
      `iri://apis.indeed.com/VirtualInterviewRecord/${GUIDE_UUIDS[0]}`,
    ).toString("base64");
    expect(decodeEventId(recordId)).toBeNull();
    expect(decodeResourceId("VirtualInterviewRecord", recordId)).toBe(GUIDE_UUIDS[0]);
    expect(decodeEventId("not-an-id")).toBeNull();
    expect(decodeEventId("")).toBeNull();
    expect(decodeEventId("A".repeat(10_000))).toBeNull();
    expect(
      decodeEventId(
        Buffer.from("iri://apis.indeed.com/VirtualInterviewEvent/nope").toString("base64"),
      ),
    ).toBeNull();
  });
});

describe("page cursors", () => {
  it("reads the guide's sample cursor as a uuid and an offset", () => {
    expect(decodeCursor(GUIDE_CURSOR)).toEqual({
      uuid: "fb2451f0-b0c3-459c-980b-55e18a5ce9e4",
      offset: 4,
    });
  });

  it("round-trips and stays URL-safe", () => {
    const cursor = { uuid: GUIDE_UUIDS[1], offset: 1234 };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it("refuses the guide's invalid cursor and other junk", () => {
    for (const bad of [
      GUIDE_BAD_CURSOR,
      "",
      "====",
      Buffer.from("x|1").toString("base64"),
      "Z".repeat(500),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});
