// The proactive refresh rule: long-lived refresh tokens are renewed in their last 6 hours (EcartAPI), short
// ones once per lifetime, shortly before they expire: never a renewal a minute.
import { describe, expect, it } from "vitest";
import { nextCheckAt, refreshTokenExpiringSoon, refreshTokenMargin } from "./policy";

const HOUR = 60 * 60_000;

describe("refresh-token renewal margin", () => {
  it("is 6 hours for long refresh tokens and a twelfth of the lifetime for short ones", () => {
    expect(refreshTokenMargin(182 * 24 * HOUR)).toBe(6 * HOUR);
    expect(refreshTokenMargin(2 * HOUR)).toBe(10 * 60_000);
    expect(refreshTokenMargin(5 * 60_000)).toBe(60_000);
    expect(refreshTokenMargin(null)).toBe(6 * HOUR);
  });

  it("a 2-hour refresh token just renewed is not due again until its last 10 minutes", () => {
    const issued = new Date("2026-03-01T12:00:00Z");
    const expires = new Date(issued.getTime() + 2 * HOUR);
    expect(refreshTokenExpiringSoon(expires, new Date(issued.getTime() + 60_000), issued)).toBe(false);
    expect(refreshTokenExpiringSoon(expires, new Date(issued.getTime() + 109 * 60_000), issued)).toBe(false);
    expect(refreshTokenExpiringSoon(expires, new Date(issued.getTime() + 111 * 60_000), issued)).toBe(true);
    // Without the issue time the old reading (under 6 hours left) would have said "now".
    const next = nextCheckAt(
      { accessExpiresAt: new Date(issued.getTime() + HOUR), refreshExpiresAt: expires, lastRefreshAt: issued },
      false,
      issued,
    );
    expect(next.getTime() - issued.getTime()).toBe(110 * 60_000);
  });

  it("over a simulated day a 2-hour rotating refresh token is renewed once per lifetime", () => {
    let issued = new Date("2026-03-01T00:00:00Z");
    const end = issued.getTime() + 24 * HOUR;
    let renewals = 0;
    for (let t = issued.getTime(); t < end; t += 60_000) {
      const now = new Date(t);
      const expires = new Date(issued.getTime() + 2 * HOUR);
      expect(now < expires).toBe(true); // never needs re-auth
      if (refreshTokenExpiringSoon(expires, now, issued)) {
        renewals++;
        issued = now;
      }
    }
    expect(renewals).toBe(Math.floor((24 * 60) / 111));
  });
});
