// `npm run bench:api` (issue 17): in one run on one machine, at concurrency 1, 16 and 64, a 20-item product
// list from the Elastic Path sandbox
//   (a) straight from the upstream (GET /catalog/products?page[limit]=20 with a client_credentials token),
//   (b) through the standalone server (`npm run start:api`'s entry point, GET /api/v1/products?limit=20),
//   (c) through the Next-mounted app (`next start`, same path),
//   (d) the floors: the same path answering a malformed token with 401 on each server (no database, no
//       upstream call, no token work; what the server and the framework cost before Storelink's handler),
// then the standalone server's CPU time per request (its /proc/<pid>/stat user + system time over the level /
// the requests it served, read from outside so the measurement costs the server nothing), and a CPU profile
// (node --cpu-prof) of a second standalone process during one more c=16 level: self time by function and module.
//
//   npm run bench:api [-- --seconds 6] [--skip-profile | --profile-only (no report: the profile as JSON)]
//
// PostgreSQL: a throw-away database on TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
// Ports: BENCH_API_PORT (3601: standalone; +1 Next; +2 the profiled standalone), BENCH_SANDBOX_PORT (5100).
// Writes bench/results/unified-api.{json,md}.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { Pool } from "undici";
import { applyMigrations } from "../scripts/db/engine";
import { buildIsStale } from "../scripts/lib/build-state";
import { run, start, stopAll } from "../scripts/lib/processes";
import { sandboxAppEnv, sandboxUrls } from "../scripts/lib/sandbox-env";
import { createPostgresDatabase } from "../testing/test-db";
import { summarise, type ProfileSummary } from "./lib/cpu-profile";
import { benchElasticPathStore, mintDirectToken } from "./lib/ep-store";
import { closedLoop, type LevelResult } from "./lib/load";
import { cpuSeconds, startNext, startStandalone, stop } from "./lib/servers";
import { round } from "./lib/stats";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "6" },
    "skip-profile": { type: "boolean", default: false },
    "profile-only": { type: "boolean", default: false },
  },
});
const LEVEL_MS = Number(args.seconds) * 1000;
const WARM_MS = 1_000;
const LEVELS = [1, 16, 64] as const;
const API_PORT = Number(process.env.BENCH_API_PORT ?? 3601);
const SANDBOX_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 5100);
/** Storelink allows 120 requests a minute per token (lib/api/rate-limit.ts): each worker moves on after 110. */
const PER_TOKEN = 110;
const TOKENS = 1_600;
const TARGET = { standaloneAddedP50Ms: 1, standaloneAddedP99Ms: 5, standaloneRpsRatio: 0.6 };
/**
 * Today's route before the Hono app (the Next.js route handler with Next's fetch, no pooled agent): the last
 * committed run of `npm run bench` before 3a1d872, bench/results/unified-api.json at 9435bf4 (2026-11-30,
 * same machine, OAuth2 sandbox store, PGlite, load average 4.2): at c=16.
 */
const BEFORE_C16 = {
  p50: 64.91,
  p99: 137.52,
  rps: 224.07,
  directRps: 1234.04,
  /** The same run's Next floor (the route answering a malformed token with 401). */
  floor: { p50: 34.95, p99: 131.88, rps: 384.08 },
  source: "bench/results/unified-api.json at 9435bf4 (2026-11-30T08:00Z, before 3a1d872)",
};

/** What a level did on the database: transactions, and index/sequential reads and row writes per table. */
async function dbActivity(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, number> = {};
    const [tx] = (
      await client.query("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()")
    ).rows as { n: string }[];
    out.transactions = Number(tx!.n);
    for (const r of (
      await client.query(
        "SELECT relname, coalesce(seq_scan,0) + coalesce(idx_scan,0) AS reads, n_tup_ins + n_tup_upd + n_tup_del AS writes FROM pg_stat_user_tables",
      )
    ).rows as { relname: string; reads: string; writes: string }[]) {
      out[`${r.relname} reads`] = Number(r.reads);
      out[`${r.relname} row writes`] = Number(r.writes);
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Per-request database work between two snapshots (PostgreSQL publishes its counters within about a second). */
function perRequest(before: Record<string, number>, after: Record<string, number>, requests: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) {
    const d = v - (before[k] ?? 0);
    if (d > 0) out[k] = Math.round((d / requests) * 1000) / 1000;
  }
  return out;
}

type TargetName = "direct" | "standalone floor" | "standalone" | "Next floor" | "Next-mounted";
type LevelRow = LevelResult & {
  dbPerRequest?: Record<string, number>;
  target: TargetName;
  addedP50: number;
  addedP99: number;
  p50Ratio: number;
  rpsRatio: number;
  cpuMsPerRequest?: number;
  loadavg: number;
};

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const { url: databaseUrl, drop } = await createPostgresDatabase(serverUrl, "storelink_bench_api");
const urls = sandboxUrls(SANDBOX_PORT);
const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  STORELINK_VAULT_KEYS: `bench:${randomBytes(32).toString("base64")}`,
  // Nothing in the background but what a unified-API call causes.
  STORELINK_SCHEDULER: "off",
  STORELINK_WEBHOOKS: "off",
  STORELINK_DIST_DIR: process.env.STORELINK_DIST_DIR ?? ".next-bench",
  ...sandboxAppEnv(SANDBOX_PORT),
};
delete appEnv.REDIS_URL; // per-process limits: each server counts its own tokens
Object.assign(process.env, {
  DATABASE_URL: databaseUrl,
  STORELINK_VAULT_KEYS: appEnv.STORELINK_VAULT_KEYS,
  AUTH_SECRET: appEnv.AUTH_SECRET,
  ELASTICPATH_BASE_URLS: appEnv.ELASTICPATH_BASE_URLS,
  STORELINK_ALLOW_PRIVATE_HOSTS: appEnv.STORELINK_ALLOW_PRIVATE_HOSTS,
});

const pools: Pool[] = [];
let markUsed: () => Promise<unknown> = async () => undefined;
/** GET through a keep-alive pool (undici, one per origin): the same client for every target. */
function getter(origin: string) {
  const pool = new Pool(origin, { connections: 64, pipelining: 1 });
  pools.push(pool);
  return async (path: string, authorization: string): Promise<number> => {
    try {
      const res = await pool.request({ method: "GET", path, headers: { authorization } });
      await res.body.arrayBuffer();
      return res.statusCode;
    } catch {
      return -1;
    }
  };
}

/** Unified tokens for one server process: each worker uses one until PER_TOKEN, then warms the next. */
function tokenRotation(tokens: string[], get: (path: string, auth: string) => Promise<number>, path: string) {
  let cursor = 0;
  const current: { token: string; used: number }[] = [];
  let warmups = 0;
  return {
    get warmups() {
      return warmups;
    },
    async prepare(_i: number, worker: number) {
      const slot = current[worker];
      if (slot && slot.used < PER_TOKEN) return;
      const token = tokens[cursor++ % tokens.length]!;
      current[worker] = { token, used: 1 };
      warmups++;
      // The token's first call reads it from the database (then memoized for 1 s): left out of the latencies.
      await get(path, `Bearer ${token}`);
    },
    send(worker: number) {
      const slot = current[worker]!;
      slot.used++;
      return get(path, `Bearer ${slot.token}`);
    },
  };
}

async function main() {
  console.log(`load average at start: ${loadavg().map(round).join(" / ")}`);
  await applyMigrations(databaseUrl);
  if (buildIsStale(appEnv.STORELINK_DIST_DIR)) await run("next build", "npx", ["next", "build"], appEnv);
  await start("sandbox", "npx", ["tsx", "e2e/simulators/main.ts", "--port", String(SANDBOX_PORT)], appEnv, /sandbox ready/, {
    ownGroup: true,
  });
  const { SandboxControl } = await import("../e2e/simulators/control-client");
  const sandbox = new SandboxControl(urls.control);
  await sandbox.configureElasticPath({ tokenLifetimeSeconds: 3600 });

  const { createPrismaClient, closeDb } = await import("../lib/db-client");
  const db = createPrismaClient(databaseUrl);
  const store = await benchElasticPathStore(sandbox, db, { baseUrl: urls.elasticpath, tokens: TOKENS });
  console.log(`Elastic Path store ${store.storeId}: connection ${store.connectionId}, ${store.tokens.length} unified tokens`);
  const directToken = await mintDirectToken(urls.elasticpath, store.clientId, store.clientSecret);

  const standalone = await startStandalone("standalone", API_PORT, appEnv);
  const next = await startNext("next", API_PORT + 1, appEnv);
  const pid = standalone.child.pid!;

  const direct = getter(urls.elasticpath);
  const viaStandalone = getter(standalone.url);
  const viaNext = getter(next.url);
  const PATH = "/api/v1/products?limit=20";
  const DIRECT_PATH = "/catalog/products?page[offset]=0&page[limit]=20";
  const standaloneTokens = tokenRotation(store.tokens, viaStandalone, PATH);
  const nextTokens = tokenRotation(store.tokens, viaNext, PATH);

  // Sanity: each target answers what it should before anything is timed.
  for (const [name, status, expected] of [
    ["direct", await direct(DIRECT_PATH, `Bearer ${directToken}`), 200],
    ["standalone", await viaStandalone(PATH, `Bearer ${store.tokens[0]}`), 200],
    ["Next-mounted", await viaNext(PATH, `Bearer ${store.tokens[0]}`), 200],
    ["standalone floor", await viaStandalone(PATH, "Bearer slk_malformed"), 401],
  ] as const)
    if (status !== expected) throw new Error(`${name} answered ${status}, expected ${expected}`);

  type Spec = {
    target: TargetName;
    expected: number;
    send: (i: number, worker: number) => Promise<number>;
    prepare?: (i: number, worker: number) => Promise<void>;
    cpu?: () => number;
    rotation?: { warmups: number };
  };
  const specs: Spec[] = [
    { target: "direct", expected: 200, send: () => direct(DIRECT_PATH, `Bearer ${directToken}`) },
    {
      target: "standalone floor",
      expected: 401,
      send: () => viaStandalone(PATH, "Bearer slk_malformed"),
      cpu: () => cpuSeconds(pid),
    },
    {
      target: "standalone",
      expected: 200,
      send: (_i, w) => standaloneTokens.send(w),
      prepare: (i, w) => standaloneTokens.prepare(i, w),
      cpu: () => cpuSeconds(pid),
      rotation: standaloneTokens,
    },
    { target: "Next floor", expected: 401, send: () => viaNext(PATH, "Bearer slk_malformed") },
    {
      target: "Next-mounted",
      expected: 200,
      send: (_i, w) => nextTokens.send(w),
      prepare: (i, w) => nextTokens.prepare(i, w),
      rotation: nextTokens,
    },
  ];

  // Steady state: tokens used within the last minute, whose "last used" write is not due. A first use in a
  // minute writes UnifiedToken.lastUsedAt, and every write to that model clears the server's whole memo
  // (lib/db-client.ts): with a worker moving to a fresh token every PER_TOKEN calls, that would clear it
  // many times a second. The benchmark's own write below goes to PostgreSQL only (the NOTIFY trigger
  // ignores lastUsedAt), so no server's memo is cleared by it.
  const markTokensUsed = () =>
    db.unifiedToken.updateMany({ where: { connectionId: store.connectionId }, data: { lastUsedAt: new Date() } });
  markUsed = markTokensUsed;

  const rows: LevelRow[] = [];
  const loadDuring: number[] = [];
  for (const c of args["profile-only"] ? [] : LEVELS) {
    let directRow: LevelResult | undefined;
    for (const spec of specs) {
      const options = { maxRequests: Number.MAX_SAFE_INTEGER, expected: spec.expected, prepare: spec.prepare };
      await markTokensUsed();
      await closedLoop(c, { ...options, maxMs: WARM_MS }, spec.send);
      const measureDb = spec.rotation !== undefined;
      if (measureDb) await new Promise((r) => setTimeout(r, 1_200));
      const db0 = measureDb ? await dbActivity(databaseUrl) : undefined;
      const cpu0 = spec.cpu?.();
      const warm0 = spec.rotation?.warmups ?? 0;
      const r = await closedLoop(c, { ...options, maxMs: LEVEL_MS }, spec.send);
      const cpuMs = spec.cpu ? (spec.cpu() - cpu0!) * 1000 : undefined;
      const served = r.requests + (spec.rotation ? spec.rotation.warmups - warm0 : 0);
      if (measureDb) await new Promise((resolve) => setTimeout(resolve, 1_200));
      const dbPerRequest = db0 ? perRequest(db0, await dbActivity(databaseUrl), served) : undefined;
      if (spec.target === "direct") directRow = r;
      const d = directRow!;
      const load1 = round(loadavg()[0]!);
      loadDuring.push(load1);
      const row: LevelRow = {
        ...r,
        target: spec.target,
        addedP50: round(r.p50 - d.p50),
        addedP99: round(r.p99 - d.p99),
        p50Ratio: round(r.p50 / d.p50),
        rpsRatio: round(r.rps / d.rps),
        ...(cpuMs !== undefined && { cpuMsPerRequest: Math.round((cpuMs / served) * 1000) / 1000 }),
        ...(dbPerRequest && { dbPerRequest }),
        loadavg: load1,
      };
      rows.push(row);
      console.log(
        `c=${c} ${spec.target}: p50 ${r.p50} ms p99 ${r.p99} ms, ${r.rps} req/s (${r.ok}/${r.requests}${Object.keys(r.errors).length ? `, errors ${JSON.stringify(r.errors)}` : ""})${row.cpuMsPerRequest !== undefined ? `, ${row.cpuMsPerRequest} ms CPU/request` : ""}${dbPerRequest ? `, database per request ${JSON.stringify(dbPerRequest)}` : ""}, load ${load1}`,
      );
    }
  }

  let profile: (ProfileSummary & { level: LevelResult; file: string }) | null = null;
  if (!args["skip-profile"]) profile = await profiledLevel(store.tokens);

  await Promise.all(pools.map((p) => p.close()));
  await stop(standalone.child);
  await closeDb(db);

  if (args["profile-only"]) {
    console.log(JSON.stringify(profile, null, 2));
    return;
  }
  const at = (c: number, target: TargetName) => rows.find((r) => r.concurrency === c && r.target === target)!;
  const s16 = at(16, "standalone");
  const n16 = at(16, "Next-mounted");
  const nf16 = at(16, "Next floor");
  const verdictMax = (value: number, target: number) => ({
    value,
    target,
    met: value <= target,
    by: round(Math.abs(target - value)),
  });
  const verdictMin = (value: number, target: number) => ({
    value,
    target,
    met: value >= target,
    by: round(Math.abs(value - target)),
  });
  const targets = {
    standaloneAddedP50AtC16: verdictMax(s16.addedP50, TARGET.standaloneAddedP50Ms),
    standaloneAddedP99AtC16: verdictMax(s16.addedP99, TARGET.standaloneAddedP99Ms),
    standaloneRpsRatioAtC16: verdictMin(s16.rpsRatio, TARGET.standaloneRpsRatio),
    nextMountedNoSlowerThanBefore: {
      p50: n16.p50,
      p99: n16.p99,
      rps: n16.rps,
      before: BEFORE_C16,
      met: n16.p50 <= BEFORE_C16.p50 && n16.p99 <= BEFORE_C16.p99 && n16.rps >= BEFORE_C16.rps,
    },
    // The same question with the machine's load taken out: each run's route against that run's Next floor.
    nextMountedVsFloor: {
      now: { p50Ratio: round(n16.p50 / nf16.p50), rpsRatio: round(n16.rps / nf16.rps) },
      before: { p50Ratio: round(BEFORE_C16.p50 / BEFORE_C16.floor.p50), rpsRatio: round(BEFORE_C16.rps / BEFORE_C16.floor.rps) },
      met:
        n16.p50 / nf16.p50 <= BEFORE_C16.p50 / BEFORE_C16.floor.p50 &&
        n16.rps / nf16.rps >= BEFORE_C16.rps / BEFORE_C16.floor.rps,
    },
  };
  const result = {
    benchmark: "unified-api (bench/api.ts)",
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      loadavgAtEnd: loadavg().map(round),
      loadavg1DuringLevels: { min: Math.min(...loadDuring), max: Math.max(...loadDuring) },
    },
    endpoint:
      "GET /api/v1/products?limit=20 (Elastic Path sandbox store, 20 of 25 products) vs GET /catalog/products?page[limit]=20 upstream",
    levelSeconds: LEVEL_MS / 1000,
    warmSeconds: WARM_MS / 1000,
    rows,
    profile,
    targets,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/unified-api.json", `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync("bench/results/unified-api.md", markdown(result));
  console.log(markdown(result));
}

/** A second standalone process under --cpu-prof: warm it, run c=16 for one level, stop it, read its profile. */
async function profiledLevel(tokens: string[]) {
  const dir = mkdtempSync(join(process.env.TMPDIR ?? "/tmp", "storelink-cpu-prof-"));
  const server = await startStandalone("standalone (profiled)", API_PORT + 2, appEnv, { profileDir: dir });
  const get = getter(server.url);
  const rotation = tokenRotation(tokens, get, "/api/v1/products?limit=20");
  const options = { maxRequests: Number.MAX_SAFE_INTEGER, prepare: (i: number, w: number) => rotation.prepare(i, w) };
  await markUsed();
  await closedLoop(16, { ...options, maxMs: 2_000 }, (_i, w) => rotation.send(w));
  const fromUs = Number(process.hrtime.bigint() / 1000n); // CLOCK_MONOTONIC, the clock V8's profile uses
  const level = await closedLoop(16, { ...options, maxMs: LEVEL_MS }, (_i, w) => rotation.send(w));
  const toUs = Number(process.hrtime.bigint() / 1000n);
  await stop(server.child);
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const summary = summarise(join(dir, file), { fromUs, toUs });
  console.log(
    `profiled c=16: ${level.rps} req/s; busy ${summary.busyMs} ms of ${summary.windowMs} ms; top modules ${JSON.stringify(summary.byModule.slice(0, 5))}`,
  );
  return { ...summary, level, file: join(dir, file) };
}

type Result = {
  at: string;
  machine: { cpus: number; loadavgAtEnd: number[]; loadavg1DuringLevels: { min: number; max: number } };
  levelSeconds: number;
  warmSeconds: number;
  rows: LevelRow[];
  profile: (ProfileSummary & { level: LevelResult }) | null;
  targets: {
    standaloneAddedP50AtC16: { value: number; target: number; met: boolean; by: number };
    standaloneAddedP99AtC16: { value: number; target: number; met: boolean; by: number };
    standaloneRpsRatioAtC16: { value: number; target: number; met: boolean; by: number };
    nextMountedNoSlowerThanBefore: { p50: number; p99: number; rps: number; before: typeof BEFORE_C16; met: boolean };
    nextMountedVsFloor: {
      now: { p50Ratio: number; rpsRatio: number };
      before: { p50Ratio: number; rpsRatio: number };
      met: boolean;
    };
  };
};

/** A difference with its sign: +1.2 / −0.4. */
const signed = (x: number) => (x < 0 ? `−${Math.abs(x)}` : `+${x}`);

function markdown(r: Result): string {
  const errs = (e: Record<string, number>) =>
    Object.keys(e).length
      ? Object.entries(e)
          .map(([k, v]) => `${k}×${v}`)
          .join(", ")
      : "—";
  const row = (l: LevelRow) =>
    `| ${l.concurrency} | ${l.target} | ${l.p50} / ${l.p99} | ${l.mean} | ${l.rps} | ${l.target === "direct" ? "—" : `${signed(l.addedP50)} / ${signed(l.addedP99)}`} | ${l.target === "direct" ? "—" : `${l.p50Ratio}× / ${l.rpsRatio}×`} | ${l.cpuMsPerRequest ?? "—"} | ${l.ok}/${l.requests} | ${errs(l.errors)} | ${l.loadavg} |`;
  const header = [
    "| c | target | p50 / p99 ms | mean ms | req/s | added p50 / p99 ms vs direct | p50 ratio / throughput ratio vs direct | standalone CPU ms/request | expected answers | other answers | load (1 min) |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  const t = r.targets;
  const v = (name: string, x: { value: number; target: number; met: boolean; by: number }, unit: string, cmp: string) =>
    `| ${name} | ${x.value}${unit} | ${cmp} ${x.target}${unit} | ${x.met ? `met (by ${x.by}${unit})` : `**missed by ${x.by}${unit}**`} |`;
  const s16 = r.rows.find((l) => l.concurrency === 16 && l.target === "standalone")!;
  const sf16 = r.rows.find((l) => l.concurrency === 16 && l.target === "standalone floor")!;
  const n16 = r.rows.find((l) => l.concurrency === 16 && l.target === "Next-mounted")!;
  const nf16 = r.rows.find((l) => l.concurrency === 16 && l.target === "Next floor")!;
  const d16 = r.rows.find((l) => l.concurrency === 16 && l.target === "direct")!;
  const p = r.profile;
  return [
    `# Unified API benchmark (${r.at})`,
    "",
    "`npm run bench:api` (bench/api.ts). A 20-item product list of one Elastic Path sandbox store, loopback, closed loop:",
    `${r.warmSeconds} s warm-up then ${r.levelSeconds} s per target and level, one keep-alive undici pool per target as the client.`,
    "",
    "- **direct**: `GET /catalog/products?page[limit]=20` straight at the sandbox with a client_credentials token.",
    "- **standalone**: `GET /api/v1/products?limit=20` on `npm run start:api`'s entry point (scripts/api-server.ts, @hono/node-server), PostgreSQL.",
    "- **Next-mounted**: the same path on `next start` (app/api/v1/[[...route]] mounting the same Hono app), same database.",
    "- **floors**: the same path with a malformed token, answered 401 by the API's auth middleware before any database read, token work or upstream call. `/api/health` is not a floor: it queries the database. The Next floor is what Next's router, its request/response conversion and the mount cost; the standalone floor is what @hono/node-server and the Hono pipeline cost.",
    "- **CPU ms/request** (standalone and its floor): user + system CPU time of the standalone server process over the level (read from `/proc/<pid>/stat` by the benchmark, outside the server, so the reading costs it nothing) divided by the requests it served (the timed ones plus one untimed warm-up call per new token).",
    `- Storelink allows a token 120 calls a minute, so each worker uses a token for ${PER_TOKEN} calls, then moves to the next; the new token's first call (its database read, memoized 1 s afterwards) is made untimed before the worker's next timed call.`,
    "",
    `Machine: ${r.machine.cpus} CPUs shared by the sandbox (the upstream), both servers, PostgreSQL and this load generator; other work ran on it too: 1-minute load average ${r.machine.loadavg1DuringLevels.min}–${r.machine.loadavg1DuringLevels.max} during the levels, ${r.machine.loadavgAtEnd.join(" / ")} at the end.`,
    "",
    "## At concurrency 16",
    "",
    ...header,
    ...r.rows.filter((l) => l.concurrency === 16).map(row),
    "",
    `Standalone: ${signed(s16.addedP50)} ms p50 / ${signed(s16.addedP99)} ms p99 over direct, ${s16.rpsRatio}× its throughput, ${s16.cpuMsPerRequest} ms CPU per request. ` +
      `The standalone floor (node-server + Hono + a 401) is ${signed(sf16.addedP50)} ms p50 against direct at ${sf16.cpuMsPerRequest} ms CPU per request: the handler's own work is the rest. ` +
      `Next-mounted: ${signed(n16.addedP50)} ms p50 / ${signed(n16.addedP99)} ms p99, ${n16.rpsRatio}× direct; the framework's share (Next-mounted minus standalone) is ${signed(round(n16.p50 - s16.p50))} ms p50 / ${signed(round(n16.p99 - s16.p99))} ms p99, and the standalone server has ${round(s16.rps / Math.max(1, n16.rps))}× its throughput; Next's floor alone is ${signed(nf16.addedP50)} ms p50 over direct at ${round(nf16.rps / d16.rps)}× its throughput.`,
    "",
    "## All levels",
    "",
    ...header,
    ...r.rows.map(row),
    "",
    "## Database work per request",
    "",
    'From PostgreSQL\'s own counters for the bench database (pg_stat_database, pg_stat_user_tables) before and after each level, divided by the requests served. "reads" are index plus sequential scans (an ApiRequest row\'s foreign-key check reads Connection once); "row writes" are inserted, updated or deleted rows. The request log is written in batches (one INSERT per 100 ms).',
    "",
    "| c | target | per request |",
    "|---|---|---|",
    ...r.rows
      .filter((l) => l.dbPerRequest)
      .map(
        (l) =>
          `| ${l.concurrency} | ${l.target} | ${Object.entries(l.dbPerRequest!)
            .map(([k, x]) => `${k} ${x}`)
            .join(", ")} |`,
      ),
    "",
    "## Targets (issue 17, at c=16)",
    "",
    "| target | measured | target | verdict |",
    "|---|---|---|---|",
    v("standalone added latency p50", t.standaloneAddedP50AtC16, " ms", "≤"),
    v("standalone added latency p99", t.standaloneAddedP99AtC16, " ms", "≤"),
    v("standalone throughput vs direct", t.standaloneRpsRatioAtC16, "×", "≥"),
    `| Next-mounted no slower than today's route | ${t.nextMountedNoSlowerThanBefore.p50} / ${t.nextMountedNoSlowerThanBefore.p99} ms, ${t.nextMountedNoSlowerThanBefore.rps} req/s | ≤ ${BEFORE_C16.p50} / ${BEFORE_C16.p99} ms, ≥ ${BEFORE_C16.rps} req/s (${BEFORE_C16.source}) | ${t.nextMountedNoSlowerThanBefore.met ? "met" : "**missed**"} |`,
    `| Next-mounted against the same run's Next floor (load taken out) | p50 ${t.nextMountedVsFloor.now.p50Ratio}× the floor's, ${t.nextMountedVsFloor.now.rpsRatio}× its throughput | before: p50 ${t.nextMountedVsFloor.before.p50Ratio}×, ${t.nextMountedVsFloor.before.rpsRatio}× | ${t.nextMountedVsFloor.met ? "met (no slower)" : "**missed (slower)**"} |`,
    "",
    "The route before the Hono app was measured on another day, under another load, with another upstream (OAuth2 sandbox, " +
      `${BEFORE_C16.directRps} req/s direct) and database (PGlite), so its absolute figures are not comparable with this run's; the second row compares each run's route with that run's own Next floor (the same framework cost on the same machine at the same moment).`,
    "",
    ...(p
      ? [
          "## Where the standalone server's CPU goes (c=16)",
          "",
          `A second standalone process under \`node --cpu-prof\` (250 µs sampling), warmed for 2 s, then one more ${r.levelSeconds} s level at c=16 (${p.level.rps} req/s, p50 ${p.level.p50} ms, p99 ${p.level.p99} ms: the profiler slows it). ` +
            `Samples in that level's window only: the process was busy ${p.busyMs} ms of ${p.windowMs} ms (${round((100 * p.busyMs) / Math.max(1, p.windowMs))} %), idle the rest. Percentages are of the busy time.`,
          "",
          "| area | self ms | % |",
          "|---|---|---|",
          ...p.byArea.slice(0, 15).map((x) => `| ${x.name} | ${x.ms} | ${x.percent} |`),
          "",
          "| innermost Storelink frame on the stack (its own time plus what it called synchronously) | ms | % |",
          "|---|---|---|",
          ...p.byStorelinkFrame.slice(0, 15).map((x) => `| \`${x.name}\` | ${x.ms} | ${x.percent} |`),
          "",
          "| module | self ms | % |",
          "|---|---|---|",
          ...p.byModule.slice(0, 20).map((x) => `| ${x.name} | ${x.ms} | ${x.percent} |`),
          "",
          "| function (top 20 by self time) | self ms | % |",
          "|---|---|---|",
          ...p.byFunction.slice(0, 20).map((x) => `| \`${x.name.replace(/\|/g, "\\|")}\` | ${x.ms} | ${x.percent} |`),
          "",
        ]
      : []),
  ].join("\n");
}

try {
  await main();
} finally {
  await Promise.all(pools.map((p) => p.close().catch(() => undefined)));
  stopAll();
  await new Promise((r) => setTimeout(r, 2000));
  stopAll("SIGKILL");
  await drop().catch(() => undefined);
}
process.exit(0);
