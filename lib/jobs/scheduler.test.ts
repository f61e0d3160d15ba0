// The scheduler and the maintenance actions, with a fake adapter and a controllable clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bindTestDatabase, insertConnection, setTestEnv, testClock } from "@/testing/lifecycle";
import type { TestDatabase } from "@/testing/test-db";
import type { PlatformAdapter } from "@/lib/platforms/types";

setTestEnv();
const { claimDueConnections, runSchedulerTick, CLAIM_LEASE_MS } = await import("./scheduler");
const { checkConnection, disconnectConnection } = await import("@/lib/connections/maintain");
const { setAdapterForTests } = await import("@/lib/platforms/registry");
const { PlatformError } = await import("@/lib/platforms/types");
const { HEALTH_CHECK_INTERVAL_MS } = await import("@/lib/connections/policy");
const { mintUnifiedToken, findLiveUnifiedToken } = await import("@/lib/connections/unified-tokens");

const HOUR = 3_600_000;
let testDb: TestDatabase;
const calls = { health: 0, renew: 0 };
let healthError: Error | null = null;

const fixedToken = {
  platform: "ECWID",
  healthCheck: async () => {
    calls.health++;
    if (healthError) throw healthError;
  },
} as unknown as PlatformAdapter;
const refreshing = {
  platform: "OAUTH2",
  healthCheck: async () => void calls.health++,
  renew: async () => {
    calls.renew++;
    return {
      credentials: { accessToken: `at-${calls.renew}`, refreshToken: `rt-${calls.renew}` },
      accessExpiresAt: new Date(clock.now().getTime() + HOUR),
      refreshExpiresAt: new Date(clock.now().getTime() + 100 * HOUR),
    };
  },
} as unknown as PlatformAdapter;
const clock = testClock();

beforeAll(async () => {
  testDb = await bindTestDatabase();
  setAdapterForTests("ECWID", fixedToken);
  setAdapterForTests("OAUTH2", refreshing);
});
afterAll(async () => {
  setAdapterForTests("ECWID", null);
  setAdapterForTests("OAUTH2", null);
  await testDb.drop();
});
beforeEach(async () => {
  calls.health = 0;
  calls.renew = 0;
  healthError = null;
  await testDb.db.connection.deleteMany();
});

describe("scheduler", () => {
  it("claims each due connection once: concurrent claimers get disjoint sets, and the lease pushes nextCheckAt forward", async () => {
    const now = clock.now();
    for (let i = 0; i < 10; i++)
      await insertConnection(testDb.db, {
        platform: "ECWID",
        credentials: { token: "t" },
        nextCheckAt: new Date(now.getTime() - 1000),
      });
    await insertConnection(testDb.db, {
      platform: "ECWID",
      credentials: { token: "t" },
      nextCheckAt: new Date(now.getTime() + HOUR),
    });
    await insertConnection(testDb.db, { platform: "ECWID", credentials: { token: "t" }, nextCheckAt: null, status: "REVOKED" });
    const [a, b] = await Promise.all([claimDueConnections(now, 6), claimDueConnections(now, 6)]);
    expect(a.length + b.length).toBe(10);
    expect(new Set([...a, ...b]).size).toBe(10);
    expect(await claimDueConnections(now, 50)).toEqual([]);
    const leased = await testDb.db.connection.findMany({ where: { id: { in: a } } });
    expect(leased.every((c) => c.nextCheckAt!.getTime() === now.getTime() + CLAIM_LEASE_MS)).toBe(true);
  });

  it("health-checks fixed tokens and schedules the next check; a rejected token goes to NEEDS_REAUTH", async () => {
    const ok = await insertConnection(testDb.db, { platform: "ECWID", credentials: { token: "t" } });
    const tick = await runSchedulerTick({ now: clock.now });
    expect(tick).toEqual({ claimed: 1, outcomes: { ACTIVE: 1 } });
    expect((await testDb.db.connection.findUniqueOrThrow({ where: { id: ok } })).nextCheckAt!.getTime()).toBe(
      clock.now().getTime() + HEALTH_CHECK_INTERVAL_MS,
    );

    healthError = new PlatformError("unauthorized", "403 INVALID_API_TOKEN");
    const bad = await insertConnection(testDb.db, { platform: "ECWID", credentials: { token: "t" } });
    expect(await runSchedulerTick({ now: clock.now })).toEqual({ claimed: 1, outcomes: { NEEDS_REAUTH: 1 } });
    expect((await testDb.db.connection.findUniqueOrThrow({ where: { id: bad } })).status).toBe("NEEDS_REAUTH");
  });

  it("a transient health-check failure → DEGRADED with backoff; the next passing check recovers it", async () => {
    healthError = new PlatformError("unavailable", "HTTP 503");
    const id = await insertConnection(testDb.db, { platform: "ECWID", credentials: { token: "t" } });
    expect(await checkConnection(id, { now: clock.now })).toMatchObject({ status: "DEGRADED" });
    const degraded = await testDb.db.connection.findUniqueOrThrow({ where: { id } });
    expect(degraded).toMatchObject({ status: "DEGRADED", consecutiveFailures: 1 });
    expect(degraded.nextCheckAt!.getTime()).toBe(clock.now().getTime() + 30_000);
    healthError = null;
    expect(await checkConnection(id, { now: clock.now })).toMatchObject({ status: "ACTIVE" });
    expect(await testDb.db.connection.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "ACTIVE",
      consecutiveFailures: 0,
      lastError: null,
    });
  });

  it("refreshes a long-lived OAuth2 refresh token proactively in its last 6 hours, not before; a short-lived one only near its end", async () => {
    const now = clock.now().getTime();
    const issuedLongAgo = new Date(now - 100 * 24 * HOUR);
    const later = await insertConnection(testDb.db, {
      credentials: { accessToken: "a", refreshToken: "r" },
      accessExpiresAt: new Date(now + HOUR),
      lastRefreshAt: issuedLongAgo,
      refreshExpiresAt: new Date(now + 7 * HOUR),
    });
    await checkConnection(later, { now: clock.now });
    expect(calls.renew).toBe(0);
    // A refresh token whose whole life is 5 hours, just issued: "under 6 hours left" read literally would renew it
    // after every renewal (platform-facts §0): it is renewed in its last twelfth instead.
    const shortLived = await insertConnection(testDb.db, {
      credentials: { accessToken: "a", refreshToken: "r" },
      accessExpiresAt: new Date(now + HOUR),
      lastRefreshAt: new Date(now - 60_000),
      refreshExpiresAt: new Date(now + 5 * HOUR),
    });
    await checkConnection(shortLived, { now: clock.now });
    expect(calls.renew).toBe(0);
    const soon = await insertConnection(testDb.db, {
      credentials: { accessToken: "a", refreshToken: "r" },
      accessExpiresAt: new Date(now + HOUR),
      lastRefreshAt: issuedLongAgo,
      refreshExpiresAt: new Date(now + 5 * HOUR),
    });
    await checkConnection(soon, { now: clock.now });
    expect(calls.renew).toBe(1);
    const row = await testDb.db.connection.findUniqueOrThrow({ where: { id: soon } });
    expect(row.refreshExpiresAt!.getTime()).toBe(now + 100 * HOUR);
    // The next check is planned before the new refresh token enters its 6-hour window.
    expect(row.nextCheckAt!.getTime()).toBeLessThanOrEqual(now + 94 * HOUR);
  });

  it("disconnect destroys credentials and revokes every unified token", async () => {
    const id = await insertConnection(testDb.db, { platform: "ECWID", credentials: { token: "t" } });
    const { token } = await mintUnifiedToken(id);
    expect(await findLiveUnifiedToken(token)).not.toBeNull();
    await disconnectConnection(id);
    const row = await testDb.db.connection.findUniqueOrThrow({
      where: { id },
      select: { status: true, credCiphertext: true, credWrappedKey: true, nextCheckAt: true },
    });
    expect(row).toEqual({ status: "REVOKED", credCiphertext: null, credWrappedKey: null, nextCheckAt: null });
    expect(await findLiveUnifiedToken(token)).toBeNull();
    expect(await claimDueConnections(clock.now(), 10)).toEqual([]);
  });
});
