import { describe, expect, it } from "vitest";
import { applicationIdSchema, interviewIdSchema, parseRouteId } from "./route-ids";

describe("parseRouteId", () => {
  it.each([
    ["%", "bad percent-encoding"],
    ["%zz", "bad percent-encoding"],
    ["a".repeat(301), "too long"],
    ["a".repeat(5_000), "far too long"],
    ["%00", "a NUL"],
    ["abc%0A", "a newline"],
    ["<script>", "markup"],
    ["a b", "a space"],
    ["", "empty"],
  ])("refuses the interview id %j (%s)", (segment) => {
    expect(parseRouteId(interviewIdSchema, segment)).toBeUndefined();
  });

  it("accepts Indeed's base64 ids, encoded by our links or already decoded", () => {
    const id = "aXJpOi8vYXBpcy5pbmRlZWQuY29tL1ZpcnR1YWxJbnRlcnZpZXdFdmVudC8x+/=";
    expect(parseRouteId(interviewIdSchema, encodeURIComponent(id))).toBe(id);
    expect(parseRouteId(interviewIdSchema, id)).toBe(id);
    expect(parseRouteId(interviewIdSchema, "0b7c1e1e-8a4c-4b4f-9a8e-2f0f3c1d2e3f")).toBeDefined();
  });

  it.each(["0b7c1e1e-8a4c-4b4f-9a8e-2f0f3c1d2e3f", "APP-1001", "app_2"])(
    "accepts the application id %s",
    (id) => {
      expect(parseRouteId(applicationIdSchema, id)).toBe(id);
    },
  );

  it.each(["%", "%25", "a%00", "x".repeat(65), "a.b", "a/b", "'; drop table"])(
    "refuses the application id %j",
    (segment) => {
      expect(parseRouteId(applicationIdSchema, segment)).toBeUndefined();
    },
  );
});
