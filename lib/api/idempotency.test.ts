// Idempotency-Key on unified-API writes: applied once per key, replayed after, refused when reused for a
// different request or when the first attempt's outcome is unknown; a refusal by the platform frees the key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindTestDatabase, insertConnection, setTestEnv } from "@/testing/lifecycle";
import type { TestDatabase } from "@/testing/test-db";
import { PlatformError } from "@/lib/platforms/types";

setTestEnv();
const { idempotent, pruneIdempotentRequests, IDEMPOTENCY_TTL_MS } = await import("./idempotency");

let testDb: TestDatabase;
let connectionId: string;
beforeAll(async () => {
  testDb = await bindTestDatabase();
  connectionId = await insertConnection(testDb.db, { platform: "ECWID", credentials: { accessToken: "x" } });
});
afterAll(async () => testDb.drop());

const post = (key?: string) =>
  new Request("http://storelink.test/api/v1/products/7/stock", {
    method: "POST",
    headers: key === undefined ? {} : { "idempotency-key": key },
  });
const code = (error: unknown) => (error as { code?: string }).code;

describe("idempotent", () => {
  it("applies once per key and replays the first answer", async () => {
    let applied = 0;
    const apply = async () => ({ body: { stock: 10 + ++applied } });
    const first = await idempotent(post("k-once"), connectionId, { delta: 1 }, apply);
    const second = await idempotent(post("k-once"), connectionId, { delta: 1 }, apply);
    expect(applied).toBe(1);
    expect(first).toMatchObject({ body: { stock: 11 } });
    expect(second).toEqual({ body: { stock: 11 }, status: 200, headers: { "idempotent-replayed": "true" } });
  });

  it("without a key, applies every time", async () => {
    let applied = 0;
    await idempotent(post(), connectionId, { delta: 1 }, async () => ({ body: ++applied }));
    await idempotent(post(), connectionId, { delta: 1 }, async () => ({ body: ++applied }));
    expect(applied).toBe(2);
  });

  it("refuses a key reused for a different request", async () => {
    await idempotent(post("k-reuse"), connectionId, { delta: 1 }, async () => ({ body: 1 }));
    const error = await idempotent(post("k-reuse"), connectionId, { delta: 2 }, async () => ({ body: 2 })).catch(
      (e: unknown) => e,
    );
    expect(code(error)).toBe("idempotency_key_reused");
  });

  it("concurrent requests with one key: one applies, the others are told it is running", async () => {
    let applied = 0;
    // The winner's platform call runs until the four others have been answered, however slow the machine is
    // (a fixed delay let a loaded machine finish the winner first, so the others were replayed its answer).
    let release!: () => void;
    const running = new Promise<void>((r) => (release = r));
    const slow = async () => {
      applied++;
      await running;
      return { body: "done" };
    };
    let answered = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        idempotent(post("k-race"), connectionId, { delta: 1 }, slow).finally(() => {
          if (++answered === 4) release();
        }),
      ),
    );
    expect(applied).toBe(1);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => code((r as PromiseRejectedResult).reason))).toEqual(
      Array(4).fill("idempotency_in_progress"),
    );
  });

  it("a platform that never answered leaves the outcome unknown: the key is refused, nothing is re-applied", async () => {
    let applied = 0;
    const timeout = async () => {
      applied++;
      throw new PlatformError("unavailable", "timed out");
    };
    await expect(idempotent(post("k-unknown"), connectionId, { delta: 1 }, timeout)).rejects.toThrow("timed out");
    const retry = await idempotent(post("k-unknown"), connectionId, { delta: 1 }, async () => ({ body: ++applied })).catch(
      (e: unknown) => e,
    );
    expect(code(retry)).toBe("idempotency_outcome_unknown");
    expect(applied).toBe(1);
  });

  it("a refusal by the platform frees the key for a retry", async () => {
    await expect(
      idempotent(post("k-refused"), connectionId, { delta: 1 }, async () =>
        Promise.reject(new PlatformError("rate_limited", "slow down", 429, 1)),
      ),
    ).rejects.toThrow("slow down");
    expect(await idempotent(post("k-refused"), connectionId, { delta: 1 }, async () => ({ body: "applied" }))).toMatchObject({
      body: "applied",
    });
  });

  it("a claim left by a request that died is treated as unknown after a minute", async () => {
    const t0 = new Date("2026-03-01T12:00:00Z");
    await testDb.db.idempotentRequest.create({
      data: { connectionId, key: "k-dead", fingerprint: "x", state: "PENDING", createdAt: t0 },
    });
    const fp = await idempotent(
      post("k-dead"),
      connectionId,
      {},
      async () => ({ body: 1 }),
      new Date(t0.getTime() + 5_000),
    ).catch((e: unknown) => e);
    expect(code(fp)).toBe("idempotency_key_reused"); // different fingerprint ("x")
    await testDb.db.idempotentRequest.update({
      where: { connectionId_key: { connectionId, key: "k-dead" } },
      data: { fingerprint: await fingerprintOf({}) },
    });
    const running = await idempotent(
      post("k-dead"),
      connectionId,
      {},
      async () => ({ body: 1 }),
      new Date(t0.getTime() + 5_000),
    ).catch((e: unknown) => e);
    expect(code(running)).toBe("idempotency_in_progress");
    const dead = await idempotent(
      post("k-dead"),
      connectionId,
      {},
      async () => ({ body: 1 }),
      new Date(t0.getTime() + 61_000),
    ).catch((e: unknown) => e);
    expect(code(dead)).toBe("idempotency_outcome_unknown");
  });

  it("keys expire after 24 hours: pruned, and an expired key can be used again", async () => {
    const t0 = new Date("2026-03-02T12:00:00Z");
    await idempotent(post("k-old"), connectionId, { delta: 1 }, async () => ({ body: "first" }), t0);
    const later = new Date(t0.getTime() + IDEMPOTENCY_TTL_MS + 1000);
    expect(await idempotent(post("k-old"), connectionId, { delta: 1 }, async () => ({ body: "second" }), later)).toMatchObject({
      body: "second",
    });
    expect(await pruneIdempotentRequests(new Date(later.getTime() + IDEMPOTENCY_TTL_MS + 1000))).toBeGreaterThan(0);
  });

  it("refuses a malformed key", async () => {
    const error = await idempotent(post("has space"), connectionId, {}, async () => ({ body: 1 })).catch((e: unknown) => e);
    expect(code(error)).toBe("invalid_request");
  });
});

async function fingerprintOf(input: unknown): Promise<string> {
  const { createHash } = await import("node:crypto");
  return createHash("sha256")
    .update(`POST /api/v1/products/7/stock\n${JSON.stringify(input)}`)
    .digest("hex");
}
