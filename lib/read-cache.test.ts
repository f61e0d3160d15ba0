// The unified API's read memo: kept for a moment, shared by concurrent callers, and forgotten on any write
// this process makes to the rows it holds, including a write that lands while a read is in flight.
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { bindTestDatabase, insertConnection, setTestEnv } from "@/testing/lifecycle";
import type { TestDatabase } from "@/testing/test-db";
import { writeLeavesReadCache } from "./db-client";
import { cachedRead, clearReadCache, MEMO_IGNORED_COLUMNS, READ_CACHE_TTL_MS } from "./read-cache";

setTestEnv();
const tokens = await import("@/lib/connections/unified-tokens");
const { connectionSelect } = await import("@/lib/connections/fresh-credentials");

describe("cachedRead", () => {
  it("reads once per key within the TTL, then again", async () => {
    clearReadCache();
    let reads = 0;
    const read = async () => ++reads;
    const t0 = Date.now();
    expect(await cachedRead("k", read, t0)).toBe(1);
    expect(await cachedRead("k", read, t0 + READ_CACHE_TTL_MS - 50)).toBe(1);
    expect(await cachedRead("k", read, t0 + READ_CACHE_TTL_MS + 50)).toBe(2);
  });

  it("shares one read between concurrent callers", async () => {
    clearReadCache();
    let reads = 0;
    const read = () => new Promise<number>((resolve) => setTimeout(() => resolve(++reads), 10));
    expect(await Promise.all(Array.from({ length: 20 }, () => cachedRead("shared", read)))).toEqual(Array(20).fill(1));
  });

  it("does not keep null (a token minted a moment ago must work at once)", async () => {
    clearReadCache();
    let value: string | null = null;
    expect(await cachedRead("late", async () => value)).toBeNull();
    value = "now";
    expect(await cachedRead("late", async () => value)).toBe("now");
  });

  it("does not keep a read that overlapped a clear", async () => {
    clearReadCache();
    let release!: () => void;
    const slow = cachedRead("race", () => new Promise<string>((resolve) => (release = () => resolve("before the write"))));
    clearReadCache();
    release();
    expect(await slow).toBe("before the write");
    expect(await cachedRead("race", async () => "after the write")).toBe("after the write");
  });

  it("passes a failed read on and does not keep it", async () => {
    clearReadCache();
    await expect(cachedRead("boom", () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await cachedRead("boom", async () => "recovered")).toBe("recovered");
  });
});

describe("invalidation through the Prisma client", () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await bindTestDatabase();
  });
  afterAll(async () => testDb.drop());

  it("a revoked token is refused at once by this process, though its row was memoized", async () => {
    const connectionId = await insertConnection(testDb.db, { platform: "ECWID", credentials: { token: "x" } });
    const minted = await tokens.mintUnifiedToken(connectionId);
    expect(await tokens.findLiveCaller(minted.token)).toMatchObject({ id: minted.id, connectionId });
    await tokens.revokeUnifiedToken(minted.id);
    expect(await tokens.findLiveCaller(minted.token)).toBeNull();
  });

  it("a status change is seen at once by the next caller", async () => {
    const connectionId = await insertConnection(testDb.db, { platform: "ECWID", credentials: { token: "x" } });
    const minted = await tokens.mintUnifiedToken(connectionId);
    expect((await tokens.findLiveCaller(minted.token))?.connection.status).toBe("ACTIVE");
    await testDb.db.connection.update({ where: { id: connectionId }, data: { status: "NEEDS_REAUTH" } });
    expect((await tokens.findLiveCaller(minted.token))?.connection.status).toBe("NEEDS_REAUTH");
  });

  it("a grace period ends on time even while the row is memoized", async () => {
    const connectionId = await insertConnection(testDb.db, { platform: "ECWID", credentials: { token: "x" } });
    const minted = await tokens.mintUnifiedToken(connectionId);
    const now = new Date();
    await tokens.rotateUnifiedToken(minted.id, 60_000, { now });
    expect(await tokens.findLiveCaller(minted.token, new Date(now.getTime() + 59_000))).not.toBeNull();
    expect(await tokens.findLiveCaller(minted.token, new Date(now.getTime() + 60_000))).toBeNull();
  });
});

describe("writes the memo does not depend on", () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await bindTestDatabase();
  });
  afterAll(async () => testDb.drop());
  // The clock stands still (timers still run), so a loaded machine cannot let the memo's second lapse mid-test.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const memoized = async () => {
    const connectionId = await insertConnection(testDb.db, { platform: "ECWID", credentials: { token: "x" } });
    const minted = await tokens.mintUnifiedToken(connectionId);
    const first = await tokens.findLiveCaller(minted.token);
    expect(first).not.toBeNull();
    return { connectionId, minted, first: first! };
  };

  it("a token's first use in a minute writes last used and keeps the memo (for every token)", async () => {
    const { connectionId, minted, first } = await memoized();
    const other = await cachedRead("someone-else", async () => "memoized");
    expect(await tokens.noteTokenUse({ id: minted.id, connectionId, lastUsedAt: first.lastUsedAt })).toBe(true);
    expect((await testDb.db.unifiedToken.findUniqueOrThrow({ where: { id: minted.id } })).lastUsedAt).not.toBeNull();
    // The same memoized object, not a re-read; and the other entry survived.
    expect(await tokens.findLiveCaller(minted.token)).toBe(first);
    expect(await cachedRead("someone-else", async () => "re-read")).toBe(other);
  });

  it("the memo's stale last-used hint does not cause a write per call", async () => {
    const { connectionId, minted, first } = await memoized();
    expect(await tokens.noteTokenUse({ id: minted.id, connectionId, lastUsedAt: first.lastUsedAt })).toBe(true);
    const writes = vi.spyOn(testDb.db.unifiedToken, "updateMany");
    try {
      for (let i = 0; i < 10; i++) {
        const caller = (await tokens.findLiveCaller(minted.token))!;
        expect(caller.lastUsedAt).toBe(first.lastUsedAt); // still the memoized (null) hint
        expect(await tokens.noteTokenUse({ id: minted.id, connectionId, lastUsedAt: caller.lastUsedAt })).toBe(false);
      }
      expect(writes).not.toHaveBeenCalled();
    } finally {
      writes.mockRestore();
    }
  });

  it("the scheduler's lease and health bookkeeping keep the memo", async () => {
    const { connectionId, minted, first } = await memoized();
    await testDb.db.connection.updateMany({
      where: { id: { in: [connectionId] } },
      data: { nextCheckAt: new Date(Date.now() + 60_000) },
    });
    await testDb.db.connection.update({ where: { id: connectionId }, data: { lastError: "probe timed out", nextCheckAt: null } });
    expect(await tokens.findLiveCaller(minted.token)).toBe(first);
  });

  it("a write that also touches a memoized column clears at once", async () => {
    const { connectionId, minted, first } = await memoized();
    await testDb.db.connection.update({ where: { id: connectionId }, data: { nextCheckAt: null, status: "DEGRADED" } });
    const after = await tokens.findLiveCaller(minted.token);
    expect(after).not.toBe(first);
    expect(after?.connection.status).toBe("DEGRADED");
  });

  it("a revocation still clears at once, right after a last-used write kept the memo", async () => {
    const { connectionId, minted, first } = await memoized();
    await tokens.noteTokenUse({ id: minted.id, connectionId, lastUsedAt: first.lastUsedAt });
    expect(await tokens.findLiveCaller(minted.token)).toBe(first);
    await tokens.revokeUnifiedToken(minted.id);
    expect(await tokens.findLiveCaller(minted.token)).toBeNull();
  });

  it("only plain updates of ignored columns are let through; every other shape clears", () => {
    const at = new Date();
    expect(writeLeavesReadCache("UnifiedToken", "updateMany", { where: {}, data: { lastUsedAt: at } })).toBe(true);
    expect(writeLeavesReadCache("UnifiedToken", "update", { where: {}, data: { lastUsedAt: { set: at } } })).toBe(true);
    expect(writeLeavesReadCache("Connection", "updateMany", { where: {}, data: { nextCheckAt: at } })).toBe(true);
    for (const [model, operation, args] of [
      ["UnifiedToken", "update", { data: { lastUsedAt: at, revokedAt: at } }],
      ["UnifiedToken", "update", { data: { expiresAt: at } }],
      ["UnifiedToken", "upsert", { where: {}, create: {}, update: { lastUsedAt: at } }],
      ["UnifiedToken", "create", { data: { lastUsedAt: at } }],
      ["UnifiedToken", "createMany", { data: [{ lastUsedAt: at }] }],
      ["UnifiedToken", "delete", { where: {} }],
      ["UnifiedToken", "deleteMany", {}],
      ["UnifiedToken", "update", { data: {} }],
      ["UnifiedToken", "update", { data: [{ lastUsedAt: at }] }],
      ["UnifiedToken", "update", {}],
      ["UnifiedToken", "update", undefined],
      [
        "Connection",
        "update",
        { data: { lastUsedAt: at, unifiedTokens: { updateMany: { where: {}, data: { revokedAt: at } } } } },
      ],
      ["Connection", "update", { data: { nextCheckAt: at, cooldownUntil: at } }],
      ["AuditEvent", "update", { data: { lastUsedAt: at } }],
    ] as const)
      expect(writeLeavesReadCache(model, operation, args), `${model}.${operation} ${JSON.stringify(args)}`).toBe(false);
  });

  it("ignores no column the memo selects or the PostgreSQL trigger watches", () => {
    const sql = readFileSync("prisma/migrations/20261201091500_read_cache_broadcast/migration.sql", "utf8");
    const watched = (table: string) => {
      const of = new RegExp(`ON "${table}"`).exec(sql);
      const clause = sql.slice(0, of!.index).split("AFTER UPDATE OF").at(-1)!;
      return [...clause.matchAll(/"(\w+)"/g)].map((m) => m[1]!);
    };
    expect(watched("UnifiedToken")).toContain("revokedAt");
    expect(watched("Connection")).toContain("credCiphertext");
    for (const column of MEMO_IGNORED_COLUMNS.UnifiedToken!) expect(watched("UnifiedToken")).not.toContain(column);
    for (const column of MEMO_IGNORED_COLUMNS.Connection!) {
      expect(watched("Connection")).not.toContain(column);
      expect(Object.keys(connectionSelect)).not.toContain(column);
    }
  });
});
