import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

// The ApiRequest log, written in batches: one INSERT per FLUSH_MS (or per MAX_BATCH rows) instead of one
// per call, off the response path. A crashed process loses at most the last FLUSH_MS of log lines; a
// failed write is reported and dropped, never retried into the API's latency.

const FLUSH_MS = 100;
const MAX_BATCH = 500;

let pending: Prisma.ApiRequestCreateManyInput[] = [];
let timer: NodeJS.Timeout | undefined;
let writing: Promise<void> = Promise.resolve();

export function logApiRequest(row: Prisma.ApiRequestCreateManyInput): void {
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
      db.apiRequest.createMany({ data: batch }).then(
        () => undefined,
        (error: unknown) => console.error(`[api log] ${batch.length} request log line(s) lost:`, error instanceof Error ? error.message : error),
      ),
    );
  }
  return writing;
}
