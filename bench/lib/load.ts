// Closed-loop load for the benchmarks: `concurrency` workers issue requests back to back until the request
// cap or the deadline, and the latencies of the expected answers are summarised.
import { performance } from "node:perf_hooks";
import { percentile, round } from "./stats";

export type LevelResult = {
  concurrency: number;
  requests: number;
  ok: number;
  errors: Record<string, number>;
  seconds: number;
  p50: number;
  p99: number;
  mean: number;
  rps: number;
};

/** One request: resolves with its HTTP status (-1 for a client-side failure). `worker` is 0…concurrency-1. */
export type Send = (i: number, worker: number) => Promise<number>;

export type LoadOptions = {
  maxRequests: number;
  maxMs: number;
  expected?: number;
  /** Awaited before a worker's request and left out of its latency (e.g. warming the next token). */
  prepare?: (i: number, worker: number) => Promise<void>;
};

export async function closedLoop(concurrency: number, options: LoadOptions, send: Send): Promise<LevelResult> {
  const expected = options.expected ?? 200;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let requests = 0;
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + options.maxMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < options.maxRequests && performance.now() < deadline) {
        const i = next++;
        if (options.prepare) await options.prepare(i, worker);
        const s = performance.now();
        let status: number;
        try {
          status = await send(i, worker);
        } catch {
          status = -1;
        }
        const ms = performance.now() - s;
        requests++;
        if (status === expected) latencies.push(ms);
        else errors[String(status)] = (errors[String(status)] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    requests,
    ok: latencies.length,
    errors,
    seconds: round(seconds),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
    rps: round(latencies.length / seconds),
  };
}
