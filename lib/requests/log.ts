import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { db } from "@/lib/db";

// The ApiRequest log, written in batches: one INSERT per FLUSH_MS (or per MAX_BATCH rows) instead of one
// per call, off the response path. A crashed process loses at most the last FLUSH_MS of log lines; a
// failed write is reported and dropped, never retried into the API's latency.
//
// Each batch is ONE parameterised statement, `INSERT … SELECT FROM unnest($1::text[], …)`, with one array
// per column: nine parameters whatever the batch size. Prisma's createMany cost 16–21 ms of CPU for 60 rows
// (bench/prisma-cost.ts), most of the standalone server's Prisma share; this costs a fraction of that.
// What Prisma did for us is done here: ids are cuids made in JS (the column has no database default, the
// schema's @default(cuid()) is Prisma's), and createdAt is stamped once per batch at flush time like
// Prisma's @default(now()) was, unless the row brings its own.

const FLUSH_MS = 100;
const MAX_BATCH = 500;

/** One log line; the columns of "ApiRequest" (prisma/schema.prisma) minus the id this module makes. */
export type ApiRequestLogRow = {
  connectionId: string;
  tokenId?: string | null;
  method: string;
  path: string;
  status: number;
  upstreamStatus?: number | null;
  latencyMs: number;
  createdAt?: Date;
};

let pending: ApiRequestLogRow[] = [];
let timer: NodeJS.Timeout | undefined;
let writing: Promise<void> = Promise.resolve();

export function logApiRequest(row: ApiRequestLogRow): void {
  pending.push(row);
  if (pending.length >= MAX_BATCH) void flushApiRequestLog();
  else timer ??= setTimeout(() => void flushApiRequestLog(), FLUSH_MS);
}

/** Writes what is queued; resolves once every earlier batch is in the database (tests, shutdown). */
export function flushApiRequestLog(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  const batch = pending;
  pending = [];
  if (batch.length > 0) {
    writing = writing.then(() =>
      insertBatch(batch).then(
        () => undefined,
        (error: unknown) =>
          console.error(`[api log] ${batch.length} request log line(s) lost:`, error instanceof Error ? error.message : error),
      ),
    );
  }
  return writing;
}

function insertBatch(batch: ApiRequestLogRow[]): Promise<number> {
  const now = new Date().toISOString();
  const n = batch.length;
  const ids = new Array<string>(n);
  const connectionIds = new Array<string>(n);
  const tokenIds = new Array<string | null>(n);
  const methods = new Array<string>(n);
  const paths = new Array<string>(n);
  const statuses = new Array<number>(n);
  const upstreamStatuses = new Array<number | null>(n);
  const latencies = new Array<number>(n);
  const createdAts = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const row = batch[i]!;
    ids[i] = cuid();
    connectionIds[i] = row.connectionId;
    tokenIds[i] = row.tokenId ?? null;
    methods[i] = row.method;
    paths[i] = row.path;
    statuses[i] = row.status;
    upstreamStatuses[i] = row.upstreamStatus ?? null;
    latencies[i] = row.latencyMs;
    // ISO with Z into timestamp(3) (no zone): PostgreSQL drops the zone, so the column holds UTC like Prisma writes it.
    createdAts[i] = row.createdAt ? row.createdAt.toISOString() : now;
  }
  return db.$executeRaw`
    INSERT INTO "ApiRequest" ("id", "connectionId", "tokenId", "method", "path", "status", "upstreamStatus", "latencyMs", "createdAt")
    SELECT * FROM unnest(
      ${ids}::text[], ${connectionIds}::text[], ${tokenIds}::text[], ${methods}::text[], ${paths}::text[],
      ${statuses}::int[], ${upstreamStatuses}::int[], ${latencies}::int[], ${createdAts}::timestamp(3)[]
    )`;
}

// cuid (v1), the format Prisma's @default(cuid()) makes: "c", milliseconds in base 36, a 4-digit counter, a
// 4-character host/process fingerprint, 8 random base-36 digits (from crypto rather than Math.random).
const BASE = 36 ** 4;
const pad = (s: string, width: number) => s.padStart(width, "0").slice(-width);
const host = (() => {
  try {
    return hostname();
  } catch {
    return "hostname";
  }
})();
const fingerprint =
  pad(process.pid.toString(36), 2) + pad([...host].reduce((sum, ch) => sum + ch.charCodeAt(0), host.length + 36).toString(36), 2);
let counter = 0;

function cuid(): string {
  counter = counter < BASE ? counter : 0;
  const random = randomBytes(8);
  return (
    "c" +
    Date.now().toString(36) +
    pad((counter++).toString(36), 4) +
    fingerprint +
    pad((random.readUInt32BE(0) % BASE).toString(36), 4) +
    pad((random.readUInt32BE(4) % BASE).toString(36), 4)
  );
}
