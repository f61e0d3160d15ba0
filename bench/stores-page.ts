// Seeding benchmark for the stores page: a throw-away database with 100,000 connections, then the stores
// query (one page + count) under typical filters and sorts; prints p50/p95 per case.
// Usage: npx tsx --conditions=react-server bench/stores-page.ts   (TEST_DATABASE_URL=postgresql://… for
// PostgreSQL; PGlite otherwise). BENCH_ROWS and BENCH_RUNS override the defaults.
// Writes bench/results/stores-query-{pglite,postgresql}.{json,md} with the issue-7 target (p95 ≤ 100 ms).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations } from "../scripts/db/engine";
import { seedConnections } from "../scripts/seed-connections";
import { closeDb, createPrismaClient, type DbClient } from "../lib/db-client";
import { createPostgresDatabase } from "../testing/test-db";
import { percentile, round } from "./lib/stats";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const server = process.env.TEST_DATABASE_URL;

async function throwAwayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!server) {
    const dir = mkdtempSync(join(tmpdir(), "storelink-bench-"));
    return { url: `pglite:${join(dir, "db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  return createPostgresDatabase(server, "storelink_bench");
}

const TARGET_P95_MS = 100;

const { url, drop } = await throwAwayDatabase();
Object.assign(process.env, {
  DATABASE_URL: url,
  AUTH_SECRET: "bench-secret-0123456789abcdefghijklmnop",
  STORELINK_VAULT_KEYS: `b:${Buffer.alloc(32, 1).toString("base64")}`,
});
await applyMigrations(url);
const db: DbClient = createPrismaClient(url);
(globalThis as unknown as { storelinkDb?: DbClient }).storelinkDb = db;
const seeding = Date.now();
await seedConnections(db, ROWS);
const kind = server ? "postgresql" : "pglite";
console.log(
  `${server ? "PostgreSQL" : "PGlite"}: seeded ${ROWS.toLocaleString("en")} connections in ${((Date.now() - seeding) / 1000).toFixed(1)} s; ${RUNS} runs per case`,
);

const { listConnections, listFiltersSchema } = await import("../lib/connections/list");
const cases: Record<string, Record<string, string>> = {
  "default (newest first), page 1": {},
  "page 2,000 (deep offset)": { page: "2000" },
  "status = NEEDS_REAUTH": { status: "NEEDS_REAUTH" },
  "platform = OAUTH2 + status = ACTIVE": { platform: "OAUTH2", status: "ACTIVE" },
  "sort by access expiry asc": { sort: "accessExpiresAt", dir: "asc" },
  "sort by last used desc": { sort: "lastUsedAt", dir: "desc" },
  "search q=kyoto": { q: "kyoto" },
  "exact store id": { q: "seed-4242" },
};
const results: { name: string; p50: number; p95: number }[] = [];
for (const [name, params] of Object.entries(cases)) {
  const filters = listFiltersSchema.parse(params);
  await listConnections(filters); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await listConnections(filters);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  results.push({ name, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) });
  console.log(
    `${name.padEnd(40)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`,
  );
}
const { cpus, loadavg } = await import("node:os");
const report = {
  benchmark: "stores-query",
  database: kind,
  rows: ROWS,
  runs: RUNS,
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, loadavg: loadavg().map(round) },
  targetP95Ms: TARGET_P95_MS,
  cases: results,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync(`bench/results/stores-query-${kind}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  `bench/results/stores-query-${kind}.md`,
  [
    `# Stores query at ${ROWS.toLocaleString("en")} connections, ${server ? "PostgreSQL" : "PGlite"} (${report.at})`,
    "",
    `One page (25 rows) plus the total count, as lib/connections/list.ts runs them; ${RUNS} runs per case after a warm-up. Target (issue 7): p95 ≤ ${TARGET_P95_MS} ms.`,
    "",
    "| case | p50 ms | p95 ms | verdict |",
    "|---|---|---|---|",
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p95 <= TARGET_P95_MS ? `met by ${round(TARGET_P95_MS - r.p95)} ms` : `**missed by ${round(r.p95 - TARGET_P95_MS)} ms**`} |`,
    ),
    "",
    `Machine: ${report.machine.cpus} CPUs, load average ${report.machine.loadavg.join(" / ")} at the end.`,
    "",
  ].join("\n"),
);
await closeDb(db);
await drop();
