// The batched request log: each batch is one raw INSERT … unnest statement (not Prisma's createMany, whose
// CPU cost was most of the standalone server's Prisma share), and the rows land as Prisma would have
// written them: cuid ids, nullable columns as NULL, createdAt in UTC at flush time unless given.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { bindTestDatabase, insertConnection, setTestEnv } from "@/testing/lifecycle";
import type { TestDatabase } from "@/testing/test-db";

setTestEnv();
const { flushApiRequestLog, logApiRequest } = await import("./log");

let testDb: TestDatabase;
let connectionId: string;

beforeAll(async () => {
  testDb = await bindTestDatabase();
  connectionId = await insertConnection(testDb.db, { platform: "ECWID", credentials: { token: "x" } });
});
afterAll(async () => testDb.drop());
afterEach(async () => {
  vi.restoreAllMocks();
  await testDb.db.apiRequest.deleteMany({});
});

const line = (i: number) => ({
  connectionId,
  tokenId: i % 2 === 0 ? `tok_${i}` : null,
  method: i % 3 === 0 ? "POST" : "GET",
  path: `/api/v1/products?page=${i}`,
  status: i % 5 === 0 ? 502 : 200,
  upstreamStatus: i % 4 === 0 ? null : 200 + i,
  latencyMs: i,
});

describe("the request log", () => {
  it("writes a batch with one raw statement and no createMany, rows intact", async () => {
    const raw = vi.spyOn(testDb.db, "$executeRaw");
    const createMany = vi.spyOn(testDb.db.apiRequest, "createMany");
    const before = Date.now();
    for (let i = 0; i < 60; i++) logApiRequest(line(i));
    await flushApiRequestLog();
    const after = Date.now();
    expect(raw).toHaveBeenCalledTimes(1);
    expect(createMany).not.toHaveBeenCalled();

    const rows = await testDb.db.apiRequest.findMany({ orderBy: { latencyMs: "asc" } });
    expect(rows).toHaveLength(60);
    expect(
      rows.map(({ connectionId, tokenId, method, path, status, upstreamStatus, latencyMs }) => ({
        connectionId,
        tokenId,
        method,
        path,
        status,
        upstreamStatus,
        latencyMs,
      })),
    ).toEqual(Array.from({ length: 60 }, (_, i) => line(i)));
    expect(new Set(rows.map((r) => r.id)).size).toBe(60);
    for (const r of rows) {
      expect(r.id).toMatch(/^c[a-z0-9]{24}$/);
      // Read back through Prisma (UTC): within the flush, so no time-zone shift.
      expect(r.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(r.createdAt.getTime()).toBeLessThanOrEqual(after + 1);
    }
  });

  it("keeps a createdAt the row brings", async () => {
    const at = new Date("2026-03-10T10:05:00.123Z");
    logApiRequest({ ...line(1), createdAt: at });
    await flushApiRequestLog();
    const [row] = await testDb.db.apiRequest.findMany();
    expect(row!.createdAt.toISOString()).toBe(at.toISOString());
    // And the SQL side agrees (charts bucket on it in SQL).
    const [sql] = await testDb.db.$queryRaw<
      { iso: string }[]
    >`SELECT to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS iso FROM "ApiRequest"`;
    expect(sql?.iso).toBe("2026-03-10T10:05:00.123");
  });

  it("writes more than one batch's worth as several statements, all rows kept", async () => {
    const raw = vi.spyOn(testDb.db, "$executeRaw");
    for (let i = 0; i < 1_100; i++) logApiRequest(line(i));
    await flushApiRequestLog();
    expect(raw).toHaveBeenCalledTimes(3); // 500 + 500 when full, the last 100 on flush
    expect(await testDb.db.apiRequest.count()).toBe(1_100);
  });

  it("flushes on its own after a moment", async () => {
    logApiRequest(line(7));
    await vi.waitFor(async () => expect(await testDb.db.apiRequest.count()).toBe(1), { timeout: 2_000, interval: 50 });
  });

  it("reports and drops a failed batch, and the next batch still lands", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    logApiRequest({ ...line(1), connectionId: "no-such-connection" });
    await expect(flushApiRequestLog()).resolves.toBeUndefined();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toContain("1 request log line(s) lost");
    logApiRequest(line(2));
    await flushApiRequestLog();
    expect(await testDb.db.apiRequest.count()).toBe(1);
  });

  it("flushing with nothing queued resolves at once", async () => {
    await expect(flushApiRequestLog()).resolves.toBeUndefined();
  });
});
