// The unified API's read memo: kept for a moment, shared by concurrent callers, and forgotten on any write
// this process makes to the rows it holds, including a write that lands while a read is in flight.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindTestDatabase, insertConnection, setTestEnv } from "@/testing/lifecycle";
import type { TestDatabase } from "@/testing/test-db";
import { cachedRead, clearReadCache, READ_CACHE_TTL_MS } from "./read-cache";

setTestEnv();
const tokens = await import("@/lib/connections/unified-tokens");

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
