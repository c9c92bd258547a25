import { describe, expect, it } from "vitest";
import { refreshTokenExpiresSoon } from "./connection-expiry";
import { fakeEmployerSession } from "./testing.test-support";

const DAY = 86_400_000;

describe("the refresh-token expiry warning", () => {
  const now = new Date("2030-01-01T00:00:00Z");
  it("warns within 7 days of the 60-day end, not before, and not once reconnecting is needed", () => {
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    expect(
      refreshTokenExpiresSoon(fakeEmployerSession({ refreshTokenExpiresAt: at(6) }), now),
    ).toBe(true);
    expect(
      refreshTokenExpiresSoon(fakeEmployerSession({ refreshTokenExpiresAt: at(8) }), now),
    ).toBe(false);
    expect(refreshTokenExpiresSoon(fakeEmployerSession({ refreshTokenExpiresAt: null }), now)).toBe(
      false,
    );
    expect(
      refreshTokenExpiresSoon(
        fakeEmployerSession({ refreshTokenExpiresAt: at(1), connectionStatus: "needs_reauth" }),
        now,
      ),
    ).toBe(false);
  });
});
