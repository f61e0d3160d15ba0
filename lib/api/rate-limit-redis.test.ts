// Rate limits across instances (issue 17, item 6): two limiter sets created apart, as two processes would
// create them, share one token budget through Redis exactly; with Redis unreachable each falls back to its
// own per-process budget with a warning and never throws. Needs Redis on REDIS_URL (default
// redis://127.0.0.1:6379, as on CI); skipped, saying so, when it does not answer.
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { setTestEnv } from "@/testing/lifecycle";
import { testRedisUrl } from "@/testing/test-db";

setTestEnv();
const { RATE_LIMIT, createLimiters, takeTokenFrom } = await import("./rate-limit");
type Limiters = ReturnType<typeof createLimiters>;

const REDIS_URL = testRedisUrl();

async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const ready = (limiters: Limiters) =>
  new Promise<void>((resolve, reject) =>
    limiters.redis!.status === "ready" ? resolve() : limiters.redis!.once("ready", resolve).once("error", reject),
  );

const available = await redisAnswers(REDIS_URL);
if (!available)
  console.warn(`[rate-limit-redis.test] skipped: Redis does not answer at ${REDIS_URL} (start it, or set TEST_REDIS_URL)`);

const created: Limiters[] = [];
const instance = (url: string) => {
  const limiters = createLimiters(url);
  created.push(limiters);
  return limiters;
};
afterAll(async () => {
  await Promise.all(created.map((l) => l.redis?.quit().catch(() => l.redis?.disconnect())));
});
afterEach(() => vi.restoreAllMocks());

describe.skipIf(!available)(`rate limits on Redis (${REDIS_URL})`, () => {
  it("two instances share one token budget: budget + 60 concurrent calls → exactly the budget allowed", async () => {
    const a = instance(REDIS_URL);
    const b = instance(REDIS_URL);
    await Promise.all([ready(a), ready(b)]);
    const key = `test-${randomBytes(8).toString("hex")}`;
    const calls = RATE_LIMIT.points + 60;
    const decisions = await Promise.all(Array.from({ length: calls }, (_, i) => takeTokenFrom(i % 2 === 0 ? a : b, key)));
    const allowed = decisions.filter((d) => d.allowed);
    expect(allowed).toHaveLength(RATE_LIMIT.points);
    expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterSeconds > 0 && d.remaining === 0)).toBe(true);
    // Each instance alone let through fewer than the budget: the budget is the shared one, not two of them.
    const byA = decisions.filter((d, i) => d.allowed && i % 2 === 0).length;
    expect(byA).toBeGreaterThan(0);
    expect(byA).toBeLessThan(RATE_LIMIT.points);
    // A third instance started later sees the same spent budget.
    const c = instance(REDIS_URL);
    await ready(c);
    expect((await takeTokenFrom(c, key)).allowed).toBe(false);
  });

  it("Redis unreachable: per-process limits with a warning, never a throw", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const url = `redis://127.0.0.1:${await closedPort()}`;
    const a = instance(url);
    const b = instance(url);
    // Let the connection attempt fail so the warning is the one an operator would see.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const key = `down-${randomBytes(8).toString("hex")}`;
    const calls = RATE_LIMIT.points + 30;
    const [fromA, fromB] = await Promise.all([
      Promise.all(Array.from({ length: calls }, () => takeTokenFrom(a, key))),
      Promise.all(Array.from({ length: calls }, () => takeTokenFrom(b, key))),
    ]);
    // Each process counts alone: each allows exactly the budget.
    expect(fromA.filter((d) => d.allowed)).toHaveLength(RATE_LIMIT.points);
    expect(fromB.filter((d) => d.allowed)).toHaveLength(RATE_LIMIT.points);
    expect(warn.mock.calls.some(([message]) => /\[rate-limit\] Redis at .* is not answering/.test(String(message)))).toBe(true);
  });
});
