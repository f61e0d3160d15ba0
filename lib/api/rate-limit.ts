// Per-token rate limit: an in-memory token bucket per unified token, per instance. With N instances
// behind a load balancer a token gets up to N× the budget; that is the documented trade-off for not
// putting a write on every request (a shared limit would need PostgreSQL or Redis).

export const RATE_LIMIT = { capacity: 120, refillPerSecond: 2 } as const;
const MAX_BUCKETS = 50_000;

type Bucket = { tokens: number; updatedAt: number };
const buckets = new Map<string, Bucket>();

export type RateDecision = { allowed: boolean; limit: number; remaining: number; resetSeconds: number; retryAfterSeconds: number };

export function takeToken(key: string, now = Date.now(), config: { capacity: number; refillPerSecond: number } = RATE_LIMIT): RateDecision {
  const existing = buckets.get(key);
  const bucket = existing ?? { tokens: config.capacity, updatedAt: now };
  bucket.tokens = Math.min(config.capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * config.refillPerSecond);
  bucket.updatedAt = now;
  const allowed = bucket.tokens >= 1;
  if (allowed) bucket.tokens -= 1;
  if (!existing) {
    if (buckets.size >= MAX_BUCKETS) buckets.delete(buckets.keys().next().value!);
    buckets.set(key, bucket);
  }
  const remaining = Math.floor(bucket.tokens);
  return {
    allowed,
    limit: config.capacity,
    remaining,
    resetSeconds: Math.ceil((config.capacity - bucket.tokens) / config.refillPerSecond),
    retryAfterSeconds: allowed ? 0 : Math.ceil((1 - bucket.tokens) / config.refillPerSecond),
  };
}

/** IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers) plus the widely used -Limit/-Remaining/-Reset trio. */
export function rateLimitHeaders(d: RateDecision): Record<string, string> {
  const window = Math.ceil(RATE_LIMIT.capacity / RATE_LIMIT.refillPerSecond);
  return {
    "RateLimit-Policy": `"per-token";q=${d.limit};w=${window}`,
    RateLimit: `"per-token";r=${d.remaining};t=${d.resetSeconds}`,
    "RateLimit-Limit": String(d.limit),
    "RateLimit-Remaining": String(d.remaining),
    "RateLimit-Reset": String(d.resetSeconds),
  };
}

export function resetRateLimitsForTests(): void {
  buckets.clear();
}
