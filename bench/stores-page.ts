// Seeding benchmark for the stores page: a throw-away database with 100,000 connections, then the stores
// query (one page + count) under typical filters and sorts; prints p50/p95 per case.
// Usage: npx tsx --conditions=react-server bench/stores-page.ts   (TEST_DATABASE_URL=postgresql://… for
// PostgreSQL; PGlite otherwise). BENCH_ROWS and BENCH_RUNS override the defaults.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { applyMigrations } from "../scripts/db/engine";
import { seedConnections } from "../scripts/seed-connections";
import { closeDb, createPrismaClient, type DbClient } from "../lib/db-client";
import { withDatabase } from "../testing/test-db";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const server = process.env.TEST_DATABASE_URL;

async function throwAwayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!server) {
    const dir = mkdtempSync(join(tmpdir(), "storelink-bench-"));
    return { url: `pglite:${join(dir, "db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `storelink_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: withDatabase(server, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const { url, drop } = await throwAwayDatabase();
Object.assign(process.env, { DATABASE_URL: url, AUTH_SECRET: "bench-secret-0123456789abcdefghijklmnop", STORELINK_VAULT_KEYS: `b:${Buffer.alloc(32, 1).toString("base64")}` });
await applyMigrations(url);
const db: DbClient = createPrismaClient(url);
(globalThis as unknown as { storelinkDb?: DbClient }).storelinkDb = db;
const seeding = Date.now();
await seedConnections(db, ROWS);
console.log(`${server ? "PostgreSQL" : "PGlite"}: seeded ${ROWS.toLocaleString("en")} connections in ${((Date.now() - seeding) / 1000).toFixed(1)} s; ${RUNS} runs per case`);

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
  console.log(`${name.padEnd(40)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`);
}
await closeDb(db);
await drop();
