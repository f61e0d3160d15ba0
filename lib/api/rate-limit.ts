import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";

// Each unified token may make RATE_LIMIT.points requests per window. With REDIS_URL the budget is one
// counter in Redis shared by every instance (rate-limiter-flexible's atomic Redis limiter); without it,
// each process counts alone (N instances give a token up to N× the budget: documented). If Redis stops
// answering, the in-process limiter takes over (rate-limiter-flexible's insurance limiter) and a warning
// is logged: a Redis outage never turns into a 500 or an unlimited API.

export const RATE_LIMIT = { points: 120, windowSeconds: 60 } as const;

export type RateDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
  retryAfterSeconds: number;
};

export type Limiters = { limiter: RateLimiterAbstract; redis: Redis | null };
const holder = globalThis as unknown as { storelinkRateLimiters?: Limiters };

/**
 * One process's limiter set: shared through Redis when `redisUrl` is given, per process otherwise. The app
 * keeps one (below); tests create several to stand in for several instances.
 */
export function createLimiters(redisUrl: string | undefined = env.REDIS_URL): Limiters {
  const memory = new RateLimiterMemory({
    points: RATE_LIMIT.points,
    duration: RATE_LIMIT.windowSeconds,
    keyPrefix: "unified-token",
  });
  if (!redisUrl) return { limiter: memory, redis: null };
  // Fail fast while Redis is away (no offline queue, no retries per call): the insurance limiter answers.
  const redis = new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    lazyConnect: false,
  });
  let warned = false;
  redis.on("error", (error: Error) => {
    if (!warned)
      console.warn(
        `[rate-limit] Redis at ${redactUrl(redisUrl)} is not answering (${error.message}): per-process limits until it is back.`,
      );
    warned = true;
  });
  redis.on("ready", () => {
    if (warned) console.info("[rate-limit] Redis is back: token budgets are shared across instances again.");
    warned = false;
  });
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    points: RATE_LIMIT.points,
    duration: RATE_LIMIT.windowSeconds,
    keyPrefix: "storelink:rl:unified-token",
    insuranceLimiter: memory,
  });
  return { limiter, redis };
}

const limiters = () => (holder.storelinkRateLimiters ??= createLimiters());

function decision(res: RateLimiterRes, allowed: boolean): RateDecision {
  const resetSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return {
    allowed,
    limit: RATE_LIMIT.points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds,
    retryAfterSeconds: allowed ? 0 : resetSeconds,
  };
}

/** Takes one request from the token's budget. */
export function takeToken(key: string): Promise<RateDecision> {
  return takeTokenFrom(limiters(), key);
}

/** Takes one request from the token's budget in a given limiter set (`takeToken` uses the process's own). */
export async function takeTokenFrom({ limiter }: Limiters, key: string): Promise<RateDecision> {
  try {
    return decision(await limiter.consume(key), true);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return decision(rejection, false);
    // Neither Redis nor the insurance limiter could answer: let the call through rather than fail it.
    console.warn(`[rate-limit] could not count a request: ${rejection instanceof Error ? rejection.message : rejection}`);
    return {
      allowed: true,
      limit: RATE_LIMIT.points,
      remaining: RATE_LIMIT.points,
      resetSeconds: RATE_LIMIT.windowSeconds,
      retryAfterSeconds: 0,
    };
  }
}

/** IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers) plus the widely used -Limit/-Remaining/-Reset trio. */
export function rateLimitHeaders(d: RateDecision): Record<string, string> {
  return {
    "RateLimit-Policy": `"per-token";q=${d.limit};w=${RATE_LIMIT.windowSeconds}`,
    RateLimit: `"per-token";r=${d.remaining};t=${d.resetSeconds}`,
    "RateLimit-Limit": String(d.limit),
    "RateLimit-Remaining": String(d.remaining),
    "RateLimit-Reset": String(d.resetSeconds),
  };
}

/** Closes the Redis connection (graceful shutdown of the standalone server). */
export async function closeRateLimiter(): Promise<void> {
  const current = holder.storelinkRateLimiters;
  holder.storelinkRateLimiters = undefined;
  await current?.redis?.quit().catch(() => undefined);
}

const redactUrl = (url: string) => url.replace(/\/\/[^@/]*@/, "//***@");
