import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db-client";
import { db } from "@/lib/db";
import { RANGES, type RangeKey } from "./filters";

// Chart series aggregated in SQL (date_trunc + generate_series for empty buckets, percentile_cont for
// latency): the database does the work, so a busy log never streams into the app process. Plain PostgreSQL,
// so PGlite and a PostgreSQL server give the same answers. Times are UTC (Prisma stores timestamp(3) in UTC).

export type TrafficPoint = { bucket: string; requests: number; errors: number; p50: number | null; p95: number | null };
export type RefreshPoint = { bucket: string; refreshed: number; failed: number };

function window(range: RangeKey, now: Date) {
  const { hours, unit } = RANGES[range];
  // ISO strings cast to `timestamp`: the zone suffix is ignored, so the comparison stays in UTC whatever the
  // session time zone is.
  return { since: new Date(now.getTime() - hours * 3_600_000).toISOString(), until: now.toISOString(), unit, step: `1 ${unit}` };
}

const bucketLabel = Prisma.sql`to_char(b.bucket, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Requests, errors (status ≥ 400) and latency p50/p95 per hour (per day for 30 days), optionally for one connection. */
export async function trafficSeries(
  range: RangeKey,
  options: { connectionId?: string; now?: Date } = {},
  client: DbClient = db,
): Promise<TrafficPoint[]> {
  const w = window(range, options.now ?? new Date());
  const byConnection = options.connectionId ? Prisma.sql`AND r."connectionId" = ${options.connectionId}` : Prisma.empty;
  const rows = await client.$queryRaw<
    { bucket: string; requests: number; errors: number; p50: number | null; p95: number | null }[]
  >`
    WITH b AS (
      SELECT generate_series(date_trunc(${w.unit}, ${w.since}::timestamp), date_trunc(${w.unit}, ${w.until}::timestamp), ${w.step}::interval) AS bucket
    )
    SELECT ${bucketLabel} AS bucket,
      count(r.id)::int AS requests,
      (count(r.id) FILTER (WHERE r.status >= 400))::int AS errors,
      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY r."latencyMs"))::int AS p50,
      round(percentile_cont(0.95) WITHIN GROUP (ORDER BY r."latencyMs"))::int AS p95
    FROM b
    LEFT JOIN "ApiRequest" r
      ON date_trunc(${w.unit}, r."createdAt") = b.bucket AND r."createdAt" >= ${w.since}::timestamp ${byConnection}
    GROUP BY b.bucket
    ORDER BY b.bucket`;
  return rows.map((r) => ({
    bucket: r.bucket,
    requests: Number(r.requests),
    errors: Number(r.errors),
    p50: r.p50 === null ? null : Number(r.p50),
    p95: r.p95 === null ? null : Number(r.p95),
  }));
}

/** Credential renewals ("refreshed") and failed renewals ("refresh_failed") per bucket, from the connection timelines. */
export async function refreshSeries(
  range: RangeKey,
  options: { connectionId?: string; now?: Date } = {},
  client: DbClient = db,
): Promise<RefreshPoint[]> {
  const w = window(range, options.now ?? new Date());
  const byConnection = options.connectionId ? Prisma.sql`AND e."connectionId" = ${options.connectionId}` : Prisma.empty;
  const rows = await client.$queryRaw<{ bucket: string; refreshed: number; failed: number }[]>`
    WITH b AS (
      SELECT generate_series(date_trunc(${w.unit}, ${w.since}::timestamp), date_trunc(${w.unit}, ${w.until}::timestamp), ${w.step}::interval) AS bucket
    )
    SELECT ${bucketLabel} AS bucket,
      (count(e.id) FILTER (WHERE e.type = 'refreshed'))::int AS refreshed,
      (count(e.id) FILTER (WHERE e.type = 'refresh_failed'))::int AS failed
    FROM b
    LEFT JOIN "ConnectionEvent" e
      ON date_trunc(${w.unit}, e."createdAt") = b.bucket AND e."createdAt" >= ${w.since}::timestamp
      AND e.type IN ('refreshed', 'refresh_failed') ${byConnection}
    GROUP BY b.bucket
    ORDER BY b.bucket`;
  return rows.map((r) => ({ bucket: r.bucket, refreshed: Number(r.refreshed), failed: Number(r.failed) }));
}
