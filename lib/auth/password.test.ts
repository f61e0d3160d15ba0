import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";

describe("passwords", () => {
  it("verifies the password a hash was made from, and no other", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
  });

  it("the dummy hash is well formed with today's parameters, so checking it costs a real scrypt run, and matches nothing", async () => {
    const real = await hashPassword("x");
    const params = (h: string) => h.split("$").slice(0, 4).join("$");
    expect(params(DUMMY_PASSWORD_HASH)).toBe(params(real));
    expect(DUMMY_PASSWORD_HASH.split("$")).toHaveLength(6);
    const started = performance.now();
    expect(await verifyPassword("", DUMMY_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword("x", DUMMY_PASSWORD_HASH)).toBe(false);
    // Two scrypt runs at N=2^15 take milliseconds, not microseconds (a skipped hash would be ~0 ms).
    expect(performance.now() - started).toBeGreaterThan(10);
  });
});
