import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setTestEnv } from "@/testing/lifecycle";
import { createTestDatabase, type TestDatabase } from "@/testing/test-db";
import { admitSignIn, clearEmailLimit, SIGN_IN_LIMITS, signInSucceeded, type SignInAttempt } from "./throttle";

setTestEnv(); // the address budget comes from env (SIGN_IN_ADDRESS_LIMIT, default 100)

// F5: rate-limiter-flexible counters in the database. Failures from anywhere lock an email for unknown
// browsers only; a browser with a device cookie keeps its own budget; an address is limited across emails.

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.drop();
});

const attempt = (over: Partial<SignInAttempt> = {}): SignInAttempt => ({
  email: "victim@x.test",
  address: "203.0.113.5",
  deviceId: null,
  ...over,
});
const admitted = async (a: SignInAttempt) => (await admitSignIn(t.db, a)).admitted;

describe("sign-in limits", () => {
  it("an email takes 5 attempts from unknown browsers, from any address, then refuses them", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.email.points; i++)
      expect(await admitted(attempt({ address: `198.51.100.${i + 1}` }))).toBe(true);
    expect(await admitted(attempt({ address: "198.51.100.99" }))).toBe(false);
    const refusal = await admitSignIn(t.db, attempt({ address: null }));
    expect(refusal).toMatchObject({ admitted: false });
    expect(refusal.admitted === false && refusal.retryAfterMs).toBeGreaterThan(10 * 60_000);
  });

  it("the owner's known browser is not locked out by that, and is admitted as known", async () => {
    for (let i = 0; i < 10; i++) await admitSignIn(t.db, attempt());
    expect(await admitSignIn(t.db, attempt({ deviceId: "owners-laptop" }))).toEqual({ admitted: true, trusted: true });
  });

  it("a known browser has a budget of its own", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.device.points; i++) expect(await admitted(attempt({ deviceId: "laptop" }))).toBe(true);
    expect(await admitted(attempt({ deviceId: "laptop" }))).toBe(false);
    expect(await admitted(attempt({ deviceId: "phone" }))).toBe(true);
    expect(await admitted(attempt())).toBe(true); // and unknown browsers still have theirs
  });

  it("an address is limited across emails (slow guessing from one place)", async () => {
    expect(SIGN_IN_LIMITS.address.points).toBe(100);
    for (let i = 0; i < SIGN_IN_LIMITS.address.points; i++)
      expect(await admitted(attempt({ email: `user${i}@x.test` }))).toBe(true);
    expect(await admitted(attempt({ email: "fresh@x.test" }))).toBe(false);
    expect(await admitted(attempt({ email: "fresh@x.test", address: "203.0.113.6" }))).toBe(true);
    // A known browser is not held back by its address.
    expect(await admitted(attempt({ email: "fresh@x.test", deviceId: "laptop" }))).toBe(true);
  }, 60_000);

  it("IPv6 addresses in one /64 share a limit", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.address.points; i++)
      await admitSignIn(t.db, attempt({ email: `u${i}@x.test`, address: `2001:db8:1:2::${(i + 1).toString(16)}` }));
    expect(await admitted(attempt({ email: "fresh@x.test", address: "2001:db8:1:2:ffff::1" }))).toBe(false);
    expect(await admitted(attempt({ email: "fresh@x.test", address: "2001:db8:1:3::1" }))).toBe(true);
  }, 60_000);

  it("counts attempts before the password is checked: 20 at once admit exactly 5", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => admitted(attempt())));
    expect(results.filter(Boolean)).toHaveLength(SIGN_IN_LIMITS.email.points);
  });

  it("a success forgets the email's failures and gives the address its point back", async () => {
    for (let i = 0; i < 4; i++) await admitSignIn(t.db, attempt()); // four wrong passwords
    expect(await admitSignIn(t.db, attempt())).toEqual({ admitted: true, trusted: false });
    await signInSucceeded(t.db, attempt(), false); // the fifth was right
    for (let i = 0; i < SIGN_IN_LIMITS.email.points; i++) expect(await admitted(attempt())).toBe(true);
    const row = await t.db.rateLimiterFlexible.findUnique({ where: { key: "signin_address:203.0.113.5" } });
    expect(row?.points).toBe(4 + 1 + 5 - 1);
  });

  it("an owner's password reset lifts the email's limit", async () => {
    for (let i = 0; i < 6; i++) await admitSignIn(t.db, attempt());
    await clearEmailLimit(t.db, "Victim@X.test");
    expect(await admitted(attempt())).toBe(true);
  });
});
