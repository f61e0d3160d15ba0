import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-db";
import { refreshSeries, trafficSeries } from "./charts";
import { pruneApiRequests } from "./prune";
import { listApiRequests } from "./query";

// now = 12:30 UTC; the 24 h window has hourly buckets from 12:00 yesterday to 12:00 today (25 buckets).
const now = new Date("2026-03-10T12:30:00.000Z");
const at = (iso: string) => new Date(`2026-03-10T${iso}Z`);

let t: TestDatabase;
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const conn = (externalId: string) =>
    t.db.connection.create({ data: { platform: "ECWID", externalId, displayName: `Store ${externalId}` } });
  a = (await conn("1")).id;
  b = (await conn("2")).id;
  const req = (connectionId: string, createdAt: Date, status: number, latencyMs: number) => ({
    connectionId,
    method: "GET",
    path: "/api/v1/products",
    status,
    latencyMs,
    createdAt,
  });
  await t.db.apiRequest.createMany({
    data: [
      // 10:xx: latencies 10..100 for a, one 500 among them
      ...Array.from({ length: 10 }, (_, i) => req(a, at(`10:0${i}:00`), i === 9 ? 500 : 200, (i + 1) * 10)),
      // 11:xx: two on b (one 429)
      req(b, at("11:15:00"), 200, 40),
      req(b, at("11:45:00"), 429, 5),
      // outside the window (2 days ago) and in the future bucket of no interest
      req(a, new Date("2026-03-08T10:00:00.000Z"), 200, 1),
    ],
  });
  const ev = (type: string, createdAt: Date) => ({ connectionId: a, type, message: type, createdAt });
  await t.db.connectionEvent.createMany({
    data: [
      ev("refreshed", at("09:10:00")),
      ev("refreshed", at("09:20:00")),
      ev("refresh_failed", at("09:30:00")),
      ev("installed", at("09:40:00")),
    ],
  });
});

afterAll(async () => {
  await t.drop();
});

describe("trafficSeries", () => {
  it("buckets per hour in SQL, fills empty hours, counts errors and computes p50/p95", async () => {
    const series = await trafficSeries("24h", { now }, t.db);
    expect(series).toHaveLength(25);
    expect(series[0]!.bucket).toBe("2026-03-09T12:00:00Z");
    expect(series.at(-1)!.bucket).toBe("2026-03-10T12:00:00Z");
    const ten = series.find((p) => p.bucket === "2026-03-10T10:00:00Z")!;
    // percentile_cont interpolates: p50 of 10..100 is 55, p95 is 95.5 (rounded either way by float error).
    expect(ten).toMatchObject({ bucket: "2026-03-10T10:00:00Z", requests: 10, errors: 1, p50: 55 });
    expect([95, 96]).toContain(ten.p95);
    const eleven = series.find((p) => p.bucket === "2026-03-10T11:00:00Z")!;
    expect(eleven).toMatchObject({ requests: 2, errors: 1 });
    const empty = series.find((p) => p.bucket === "2026-03-10T09:00:00Z")!;
    expect(empty).toEqual({ bucket: "2026-03-10T09:00:00Z", requests: 0, errors: 0, p50: null, p95: null });
    expect(series.reduce((n, p) => n + p.requests, 0)).toBe(12);
  });

  it("filters by connection", async () => {
    const series = await trafficSeries("24h", { now, connectionId: b }, t.db);
    expect(series.reduce((n, p) => n + p.requests, 0)).toBe(2);
  });

  it("uses day buckets for 30 days and includes older rows", async () => {
    const series = await trafficSeries("30d", { now }, t.db);
    expect(series).toHaveLength(31);
    expect(series.find((p) => p.bucket === "2026-03-08T00:00:00Z")!.requests).toBe(1);
    expect(series.find((p) => p.bucket === "2026-03-10T00:00:00Z")!.requests).toBe(12);
  });
});

describe("refreshSeries", () => {
  it("counts refreshed and refresh_failed events per hour, ignoring other types", async () => {
    const series = await refreshSeries("24h", { now }, t.db);
    expect(series.find((p) => p.bucket === "2026-03-10T09:00:00Z")).toEqual({
      bucket: "2026-03-10T09:00:00Z",
      refreshed: 2,
      failed: 1,
    });
    expect(series.reduce((n, p) => n + p.refreshed + p.failed, 0)).toBe(3);
    expect((await refreshSeries("24h", { now, connectionId: b }, t.db)).every((p) => p.refreshed === 0 && p.failed === 0)).toBe(
      true,
    );
  });
});

describe("listApiRequests and pruneApiRequests", () => {
  it("lists with filters, then prunes rows older than the cutoff in batches", async () => {
    const errors = await listApiRequests({ range: "24h", page: 1, status: "5xx" }, t.db, now);
    expect(errors.total).toBe(1);
    expect(errors.rows[0]).toMatchObject({ status: 500, connection: { displayName: "Store 1" } });
    expect((await listApiRequests({ range: "24h", page: 1, connection: b }, t.db, now)).total).toBe(2);

    expect(await pruneApiRequests(at("10:05:00"), t.db, 2)).toBe(6);
    expect(await t.db.apiRequest.count()).toBe(7);
    expect(await pruneApiRequests(at("00:00:00"), t.db)).toBe(0);
  });
});
