import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { PlatformError } from "@/lib/platforms/types";
import { ApiError } from "./errors";

// Idempotency-Key for unified-API writes that are not idempotent by nature (a stock delta). The first
// request with a key claims it; its answer is stored and replayed to every retry for 24 hours, so a client
// that retries after a timeout never applies a delta twice. What cannot be known is said, not guessed:
// when the platform never answered, the change may or may not have happened, and a retry with that key is
// refused (409) instead of risking a second application.

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
/** A PENDING claim older than this belongs to a request that died: its outcome is unknown. */
const PENDING_LIMIT_MS = 60_000;
const KEY = /^[\x21-\x7e]{1,255}$/;
// The platform answered and refused: nothing was applied, the key may be used again.
const DEFINITIVE = new Set<PlatformError["kind"]>([
  "not_found",
  "invalid",
  "conflict",
  "forbidden",
  "unauthorized",
  "rate_limited",
  "not_supported",
]);

type Answer = { body: unknown; status?: number; headers?: Record<string, string> };

export async function idempotent(
  request: Request,
  connectionId: string,
  input: unknown,
  apply: () => Promise<Answer>,
  now = new Date(),
): Promise<Answer> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return apply();
  if (!KEY.test(key)) throw new ApiError("invalid_request", "Idempotency-Key must be 1–255 visible ASCII characters.");
  const fingerprint = createHash("sha256")
    .update(`${request.method} ${new URL(request.url).pathname}\n${JSON.stringify(input)}`)
    .digest("hex");
  const where = { connectionId_key: { connectionId, key } };

  const earlier = await claim(connectionId, key, fingerprint, now);
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) {
      throw new ApiError("idempotency_key_reused", "This Idempotency-Key was used for a different request; use a new key.");
    }
    if (earlier.state === "DONE")
      return {
        body: JSON.parse(earlier.body ?? "null"),
        status: earlier.status ?? 200,
        headers: { "idempotent-replayed": "true" },
      };
    if (earlier.state === "PENDING" && now.getTime() - earlier.createdAt.getTime() < PENDING_LIMIT_MS) {
      throw new ApiError("idempotency_in_progress", "A request with this Idempotency-Key is still running; retry shortly.", {
        retryAfterSeconds: 1,
      });
    }
    throw new ApiError(
      "idempotency_outcome_unknown",
      "The first request with this Idempotency-Key got no answer from the platform, so it may or may not have been applied. Check the current state, then send a new key if the change is still needed.",
    );
  }

  try {
    const answer = await apply();
    await db.idempotentRequest.update({
      where,
      data: { state: "DONE", status: answer.status ?? 200, body: JSON.stringify(answer.body) },
    });
    return answer;
  } catch (error) {
    const refused = error instanceof ApiError || (error instanceof PlatformError && DEFINITIVE.has(error.kind));
    await (
      refused ? db.idempotentRequest.delete({ where }) : db.idempotentRequest.update({ where, data: { state: "UNKNOWN" } })
    ).catch(() => undefined);
    throw error;
  }
}

/** Claims the key (null) or returns the earlier request that holds it; an expired one is replaced. */
async function claim(connectionId: string, key: string, fingerprint: string, now: Date) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await db.idempotentRequest.create({ data: { connectionId, key, fingerprint, state: "PENDING", createdAt: now } });
      return null;
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
    const earlier = await db.idempotentRequest.findUnique({ where: { connectionId_key: { connectionId, key } } });
    if (earlier && now.getTime() - earlier.createdAt.getTime() < IDEMPOTENCY_TTL_MS) return earlier;
    // Expired (or deleted meanwhile): clear it and claim again.
    await db.idempotentRequest.deleteMany({
      where: { connectionId, key, createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } },
    });
  }
  throw new ApiError("idempotency_in_progress", "Another request is claiming this Idempotency-Key; retry shortly.", {
    retryAfterSeconds: 1,
  });
}

/** Deletes claims past their 24 hours (the scheduler's housekeeping). */
export async function pruneIdempotentRequests(now = new Date()): Promise<number> {
  const { count } = await db.idempotentRequest.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } },
  });
  return count;
}
