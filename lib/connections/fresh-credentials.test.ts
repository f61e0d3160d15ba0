// Every lifecycle rule of freshCredentials, with a controllable clock and a fake adapter.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bindTestDatabase, insertConnection, readStoredCredentials, setTestEnv, testClock } from "@/testing/lifecycle";
import type { TestDatabase } from "@/testing/test-db";
import type { PlatformAdapter, Renewal } from "@/lib/platforms/types";

setTestEnv();
const { freshCredentials } = await import("./fresh-credentials");
const { setAdapterForTests } = await import("@/lib/platforms/registry");
const { PlatformError } = await import("@/lib/platforms/types");
const { backoffMs } = await import("./policy");
const { disconnectConnection } = await import("./maintain");

type Creds = { accessToken: string; refreshToken: string | null };
const HOUR = 3_600_000;

/** A provider with rotating refresh tokens: presenting a rotated one is invalid_grant, as real ones do. */
function fakeProvider() {
  const state = {
    validRefresh: "rt-0",
    calls: 0,
    seenRefreshTokens: [] as (string | null)[],
    fail: null as null | InstanceType<typeof PlatformError>,
    delayMs: 0,
    omitRefreshToken: false,
    /** Runs inside the platform call: what another request or a webhook does meanwhile. */
    meanwhile: null as null | (() => Promise<unknown>),
    clock: testClock(),
  };
  const adapter = {
    platform: "OAUTH2",
    async renew(ctx: { credentials: Creds }): Promise<Renewal<Creds>> {
      state.calls++;
      state.seenRefreshTokens.push(ctx.credentials.refreshToken);
      if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
      if (state.meanwhile) await state.meanwhile();
      if (state.fail) throw state.fail;
      if (ctx.credentials.refreshToken !== state.validRefresh)
        throw new PlatformError("unauthorized", "invalid_grant: refresh token already used");
      const n = state.calls;
      if (!state.omitRefreshToken) state.validRefresh = `rt-${n}`;
      return {
        credentials: {
          accessToken: `at-${n}`,
          refreshToken: state.omitRefreshToken ? ctx.credentials.refreshToken : state.validRefresh,
        },
        accessExpiresAt: new Date(state.clock.now().getTime() + HOUR),
        refreshExpiresAt: state.omitRefreshToken ? undefined : new Date(state.clock.now().getTime() + 100 * HOUR),
      };
    },
    healthCheck: async () => {},
  } as unknown as PlatformAdapter;
  return { state, adapter };
}

let testDb: TestDatabase;
let provider: ReturnType<typeof fakeProvider>;

beforeAll(async () => {
  testDb = await bindTestDatabase();
});
afterAll(async () => {
  setAdapterForTests("OAUTH2", null);
  await testDb.drop();
});
beforeEach(() => {
  provider = fakeProvider();
  setAdapterForTests("OAUTH2", provider.adapter);
});

async function connection(opts: { accessIn: number; refreshIn?: number | null; lifetime?: number }) {
  const now = provider.state.clock.now().getTime();
  return insertConnection(testDb.db, {
    credentials: { accessToken: "at-0", refreshToken: "rt-0" },
    accessExpiresAt: new Date(now + opts.accessIn),
    lastRefreshAt: new Date(now + opts.accessIn - (opts.lifetime ?? HOUR)),
    refreshExpiresAt: opts.refreshIn === null || opts.refreshIn === undefined ? null : new Date(now + opts.refreshIn),
  });
}

const row = (id: string) => testDb.db.connection.findUniqueOrThrow({ where: { id } });
const events = async (id: string) =>
  (await testDb.db.connectionEvent.findMany({ where: { connectionId: id }, orderBy: { createdAt: "asc" } })).map((e) => e.type);

describe("freshCredentials", () => {
  it("serves a token valid beyond the renewal margin as is, without calling the platform", async () => {
    const id = await connection({ accessIn: 40 * 60_000 });
    const result = await freshCredentials<Creds>(id, { now: provider.state.clock.now });
    expect(result.ok && result.context.credentials.accessToken).toBe("at-0");
    expect(provider.state.calls).toBe(0);
  });

  it("renews inside the margin (15 min of a 1 h token), persists before returning, and records the event", async () => {
    const id = await connection({ accessIn: 10 * 60_000 });
    const result = await freshCredentials<Creds>(id, { now: provider.state.clock.now });
    expect(result.ok && result.context.credentials.accessToken).toBe("at-1");
    expect(await readStoredCredentials<Creds>(testDb.db, id)).toEqual({ accessToken: "at-1", refreshToken: "rt-1" });
    const r = await row(id);
    expect(r.lastRefreshAt?.toISOString()).toBe(provider.state.clock.now().toISOString());
    expect(r.accessExpiresAt!.getTime()).toBe(provider.state.clock.now().getTime() + HOUR);
    expect(r.nextCheckAt).not.toBeNull();
    expect(await events(id)).toContain("refreshed");
  });

  it("keeps the stored refresh token (and its expiry) when the answer has no refresh_token", async () => {
    provider.state.omitRefreshToken = true;
    const id = await connection({ accessIn: -1000, refreshIn: 50 * HOUR });
    const before = (await row(id)).refreshExpiresAt;
    const result = await freshCredentials<Creds>(id, { now: provider.state.clock.now });
    expect(result.ok).toBe(true);
    expect(await readStoredCredentials<Creds>(testDb.db, id)).toEqual({ accessToken: "at-1", refreshToken: "rt-0" });
    expect((await row(id)).refreshExpiresAt).toEqual(before);
  });

  it("renews an expired token with a rejected refresh token into NEEDS_REAUTH (invalid_grant)", async () => {
    provider.state.validRefresh = "rt-other";
    const id = await connection({ accessIn: -1000, refreshIn: 10 * HOUR });
    const result = await freshCredentials(id, { now: provider.state.clock.now });
    expect(result).toMatchObject({ ok: false, reason: "needs_reauth" });
    expect((await row(id)).status).toBe("NEEDS_REAUTH");
    expect(await events(id)).toContain("needs_reauth");
    // Once NEEDS_REAUTH, nothing calls the platform again until re-authorized.
    await freshCredentials(id, { now: provider.state.clock.now });
    expect(provider.state.calls).toBe(1);
  });

  it("goes to NEEDS_REAUTH without calling the platform when access and refresh tokens are both expired", async () => {
    const id = await connection({ accessIn: -1000, refreshIn: -500 });
    const result = await freshCredentials(id, { now: provider.state.clock.now });
    expect(result).toMatchObject({ ok: false, reason: "needs_reauth" });
    expect(provider.state.calls).toBe(0);
    expect((await row(id)).status).toBe("NEEDS_REAUTH");
  });

  it("on a transient failure: DEGRADED, exponential backoff, the old token served while valid", async () => {
    const clock = provider.state.clock;
    provider.state.fail = new PlatformError("unavailable", "HTTP 503");
    const id = await connection({ accessIn: 10 * 60_000 });

    const first = await freshCredentials<Creds>(id, { now: clock.now });
    expect(first.ok && first.context.credentials.accessToken).toBe("at-0");
    let r = await row(id);
    expect(r.status).toBe("DEGRADED");
    expect(r.consecutiveFailures).toBe(1);
    expect(r.cooldownUntil!.getTime() - clock.now().getTime()).toBe(backoffMs(1));

    // Inside the cooldown: no new attempt, still served.
    clock.advance(backoffMs(1) - 1000);
    const during = await freshCredentials<Creds>(id, { now: clock.now });
    expect(during.ok).toBe(true);
    expect(provider.state.calls).toBe(1);

    // After it: one more attempt, the cooldown doubles.
    clock.advance(2000);
    await freshCredentials(id, { now: clock.now });
    r = await row(id);
    expect(provider.state.calls).toBe(2);
    expect(r.consecutiveFailures).toBe(2);
    expect(r.cooldownUntil!.getTime() - clock.now().getTime()).toBe(backoffMs(2));
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    expect(backoffMs(50)).toBe(15 * 60_000);

    // Recovery: ACTIVE again, failures cleared, "recovered" in the timeline.
    provider.state.fail = null;
    clock.advance(backoffMs(2) + 1000);
    const ok = await freshCredentials<Creds>(id, { now: clock.now });
    expect(ok.ok && ok.context.credentials.accessToken).toBe("at-3");
    r = await row(id);
    expect(r).toMatchObject({ status: "ACTIVE", consecutiveFailures: 0, cooldownUntil: null, lastError: null });
    expect(await events(id)).toEqual(expect.arrayContaining(["refresh_failed", "refreshed", "recovered"]));
  });

  it("answers unavailable with Retry-After once the old token has expired during a backoff", async () => {
    const clock = provider.state.clock;
    provider.state.fail = new PlatformError("rate_limited", "HTTP 429", 429, 120);
    const id = await connection({ accessIn: -1000 });
    const result = await freshCredentials(id, { now: clock.now });
    expect(result).toMatchObject({ ok: false, reason: "unavailable", retryAfterSeconds: 120 });
    expect((await row(id)).status).toBe("DEGRADED");
  });

  it("single-flight: 50 concurrent callers → one renewal, and no waiter ever presents a rotated refresh token", async () => {
    provider.state.delayMs = 50;
    const id = await connection({ accessIn: -1000 });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => freshCredentials<Creds>(id, { now: provider.state.clock.now })),
    );
    expect(provider.state.calls).toBe(1);
    expect(new Set(results.map((r) => (r.ok ? r.context.credentials.accessToken : r.reason)))).toEqual(new Set(["at-1"]));

    // A caller that read the row before the renewal (stale rt-0) but reaches the lock afterwards re-reads
    // and never presents rt-0 again: forcing a renewal now must present rt-1.
    provider.state.clock.advance(HOUR);
    const late = await Promise.all(
      Array.from({ length: 10 }, () => freshCredentials<Creds>(id, { now: provider.state.clock.now })),
    );
    expect(late.every((r) => r.ok)).toBe(true);
    expect(provider.state.seenRefreshTokens).toEqual(["rt-0", "rt-1"]);
  });

  it("a forced renewal waiting behind one that just finished does not renew again", async () => {
    provider.state.delayMs = 30;
    const id = await connection({ accessIn: 30 * 60_000 });
    const [a, b] = await Promise.all([
      freshCredentials<Creds>(id, { now: provider.state.clock.now, force: true }),
      freshCredentials<Creds>(id, { now: provider.state.clock.now, force: true }),
    ]);
    expect(provider.state.calls).toBe(1);
    expect(a.ok && b.ok).toBe(true);
  });

  it("refuses revoked and unknown connections", async () => {
    const id = await insertConnection(testDb.db, { credentials: { accessToken: "x", refreshToken: null }, status: "REVOKED" });
    expect(await freshCredentials(id)).toMatchObject({ ok: false, reason: "revoked" });
    expect(await freshCredentials("nope")).toMatchObject({ ok: false, reason: "not_found" });
  });

  // Seen in a full e2e run: a call's 403 marked NEEDS_REAUTH over the uninstall webhook's REVOKED, and an
  // unsigned Control Panel payload then re-authorized the uninstalled store. The uninstall must win.
  describe("an uninstall or disconnect that commits while a renewal runs wins", () => {
    for (const [what, fail, event] of [
      ["a renewal that succeeds", null, "refreshed"],
      ["a renewal the platform rejects", new PlatformError("unauthorized", "invalid_grant"), "needs_reauth"],
      ["a renewal the platform fails", new PlatformError("unavailable", "503"), "refresh_failed"],
    ] as const) {
      it(`${what}: the connection stays REVOKED with its credentials destroyed, and the caller is told so`, async () => {
        const id = await connection({ accessIn: 5 * 60_000 });
        provider.state.meanwhile = () => disconnectConnection(id);
        provider.state.fail = fail;
        const result = await freshCredentials<Creds>(id, { now: provider.state.clock.now });
        expect(result).toMatchObject({ ok: false, reason: "revoked" });
        expect((await row(id)).status).toBe("REVOKED");
        expect(await readStoredCredentials(testDb.db, id)).toBeNull();
        expect(await events(id)).not.toContain(event);
      });
    }
  });
});
