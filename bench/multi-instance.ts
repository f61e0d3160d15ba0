// Multi-instance run (issue 7): three `next start` processes on one PostgreSQL database, their schedulers
// on, the platform sandbox, and about a minute of bounded unified-API load spread over the instances while
// the provider's access tokens live 10 s. Then, with --restart-postgres, PostgreSQL is restarted under load.
//
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//     npx tsx --conditions=react-server bench/multi-instance.ts [--seconds 60] [--instances 3] [--restart-postgres] [--skip-next]
//
// Then the standalone servers (`npm run start:api`'s entry point, one per instance, on BENCH_BASE_PORT+10…)
// on the same database with REDIS_URL (BENCH_REDIS_URL, default redis://127.0.0.1:6379):
// - refresh coalescing: 1,000 concurrent calls spread over the instances on an Elastic Path connection
//   whose stored token has expired → the number of upstream token calls (target 1);
// - a shared budget: a burst of more calls than one token's budget over all instances → the number of 200s
//   equals the budget exactly (the rest 429). --skip-next runs only this part.
//
// Checks (the run exits 1 when one fails), written to bench/results/multi-instance.{json,md}:
// - no 5xx during the steady run;
// - every upstream token call was one recorded renewal (provider counter = "refreshed" events), no
//   connection ended up NEEDS_REAUTH (a duplicate refresh with a rotated token would), and no connection
//   was renewed twice for one expiry (successive renewals at least half a token lifetime apart);
// - scheduled work claimed once: every due Ecwid connection health-checked exactly once (sandbox counter);
// - with --restart-postgres: during the outage calls fail with 503 service_unavailable (never 500 or a
//   dropped connection), and once PostgreSQL is back every call succeeds again.
// --restart-postgres restarts the machine's PostgreSQL cluster (pg_ctlcluster): never run it beside CI.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { applyMigrations } from "../scripts/db/engine";
import { buildIsStale } from "../scripts/lib/build-state";
import { run, start, stopAll, waitUntilHealthy } from "../scripts/lib/processes";
import { sandboxAppEnv, sandboxUrls } from "../scripts/lib/sandbox-env";
import { createPostgresDatabase } from "../testing/test-db";
import { RATE_LIMIT } from "../lib/api/rate-limit";
import { benchElasticPathStore } from "./lib/ep-store";
import { startStandalone } from "./lib/servers";
import { round } from "./lib/stats";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    instances: { type: "string", default: "3" },
    "restart-postgres": { type: "boolean", default: false },
    "skip-next": { type: "boolean", default: false },
  },
});
const SECONDS = Number(args.seconds);
const INSTANCES = Number(args.instances);
const CONCURRENCY = 12;
const TOKEN_LIFETIME_S = 10;
const OAUTH2_SHOPS = ["shop-lisbon-vintage", "shop-kyoto-tea"];
const ECWID_STORES = 12;
const BASE_PORT = Number(process.env.BENCH_BASE_PORT ?? 3600);
const SANDBOX_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 5200);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const COALESCE_REQUESTS = 1_000;
const BURST_REQUESTS = RATE_LIMIT.points + 180;
const server = process.env.TEST_DATABASE_URL;
if (!server) throw new Error("Set TEST_DATABASE_URL to a PostgreSQL server (a throw-away database is created on it).");

const { url: databaseUrl, drop } = await createPostgresDatabase(server, "storelink_multi");
const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  STORELINK_VAULT_KEYS: `multi:${randomBytes(32).toString("base64")}`,
  STORELINK_SCHEDULER: "on",
  STORELINK_DIST_DIR: process.env.STORELINK_DIST_DIR ?? ".next-bench",
  ...sandboxAppEnv(SANDBOX_PORT),
};
Object.assign(process.env, {
  DATABASE_URL: databaseUrl,
  STORELINK_VAULT_KEYS: appEnv.STORELINK_VAULT_KEYS,
  AUTH_SECRET: appEnv.AUTH_SECRET,
});

const failures: string[] = [];
const check = (ok: boolean, message: string) => {
  console.log(`${ok ? "✓" : "✗"} ${message}`);
  if (!ok) failures.push(message);
};

async function main() {
  await applyMigrations(databaseUrl);
  await start("sandbox", "npx", ["tsx", "e2e/simulators/main.ts", "--port", String(SANDBOX_PORT)], appEnv, /sandbox ready/, {
    ownGroup: true,
  });
  const { SandboxControl } = await import("../e2e/simulators/control-client");
  const sandbox = new SandboxControl(sandboxUrls(SANDBOX_PORT).control);
  const { createPrismaClient, closeDb } = await import("../lib/db-client");
  const db = createPrismaClient(databaseUrl);
  (globalThis as unknown as { storelinkDb?: typeof db }).storelinkDb = db;

  const nextRun = args["skip-next"] ? null : await nextInstances(sandbox, db);
  const standalone = await standaloneInstances(sandbox, db);

  const result = {
    benchmark: "multi-instance",
    at: new Date().toISOString(),
    instances: INSTANCES,
    next: nextRun,
    standalone,
    failures,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/multi-instance.json", `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    "bench/results/multi-instance.md",
    [
      `# Multi-instance run (${result.at})`,
      "",
      ...(nextRun
        ? [
            "## `next start` instances",
            "",
            `${INSTANCES} app processes on one PostgreSQL database, schedulers on; ${SECONDS} s of load (${CONCURRENCY} closed-loop workers, round-robin over instances) on ${OAUTH2_SHOPS.length} OAuth2 stores whose access tokens live ${TOKEN_LIFETIME_S} s; ${ECWID_STORES} Ecwid connections due for a health check.`,
            "",
            `- calls: ${nextRun.requests}, statuses ${JSON.stringify(nextRun.statuses)}`,
            `- upstream token calls: ${nextRun.tokenCalls}; recorded renewals: ${nextRun.renewals}; shortest gap between two renewals of one store: ${nextRun.minRenewalGapSeconds} s`,
            `- health checks: ${nextRun.healthChecks} for ${ECWID_STORES} due connections`,
            ...(nextRun.restart ? [`- PostgreSQL restart under load: ${JSON.stringify(nextRun.restart)}`] : []),
            "",
          ]
        : ["(`next start` instances skipped: --skip-next)", ""]),
      "## Standalone instances with Redis",
      "",
      `${INSTANCES} standalone servers (\`npm run start:api\`'s entry point) on the same database, REDIS_URL=${REDIS_URL}.`,
      "",
      `- refresh coalescing: ${standalone.coalescing.tokenCalls} upstream token call(s) for ${COALESCE_REQUESTS} concurrent calls over ${INSTANCES} instances on an Elastic Path connection whose stored token had expired (target 1); statuses ${JSON.stringify(standalone.coalescing.statuses)}, by instance ${JSON.stringify(standalone.coalescing.byInstance)}, ${standalone.coalescing.seconds} s`,
      ...(Object.keys(standalone.coalescing.unexpected).length
        ? [`  - answers other than 200: ${JSON.stringify(standalone.coalescing.unexpected)}`]
        : []),
      `- one token's budget (${RATE_LIMIT.points} a minute) across ${INSTANCES} instances: a burst of ${BURST_REQUESTS} concurrent calls → ${standalone.burst.ok} answered 200 (target: exactly ${RATE_LIMIT.points}), statuses ${JSON.stringify(standalone.burst.statuses)}, 200s by instance ${JSON.stringify(standalone.burst.okByInstance)}`,
      ...(Object.keys(standalone.unexpected).length > Object.keys(standalone.coalescing.unexpected).length
        ? [`  - answers other than 200/429 over both: ${JSON.stringify(standalone.unexpected)}`]
        : []),
      "",
      failures.length ? `**Failed:** ${failures.join("; ")}` : "All checks passed.",
      "",
    ].join("\n"),
  );
  await closeDb(db);
}

type Db = ReturnType<typeof import("../lib/db-client").createPrismaClient>;
type Sandbox = InstanceType<typeof import("../e2e/simulators/control-client").SandboxControl>;

/** Three `next start` processes, schedulers on, a minute of load while OAuth2 tokens expire every 10 s. */
async function nextInstances(sandbox: Sandbox, db: Db) {
  if (buildIsStale(appEnv.STORELINK_DIST_DIR)) await run("next build", "npx", ["next", "build"], appEnv);
  await sandbox.configureOAuth2({ accessTokenLifetimeSeconds: TOKEN_LIFETIME_S });

  // Connections straight into the database, credentials sealed as the app seals them.
  const { sealConnectionCredentials } = await import("../lib/vault");
  const { mintUnifiedToken } = await import("../lib/connections/unified-tokens");
  const tokens: string[] = [];
  const oauth2Ids: string[] = [];
  for (const shopId of OAUTH2_SHOPS) {
    const grant = await sandbox.createOAuth2Grant({ shopId });
    const now = Date.now();
    const row = await db.connection.create({
      data: {
        platform: "OAUTH2",
        externalId: shopId,
        displayName: shopId,
        baseUrl: sandboxUrls(SANDBOX_PORT).oauth2,
        accessExpiresAt: new Date(now + TOKEN_LIFETIME_S * 1000),
        refreshExpiresAt: new Date(now + 30 * 86_400_000),
        lastRefreshAt: new Date(now),
        nextCheckAt: new Date(now + 6 * 3_600_000),
      },
    });
    await db.connection.update({
      where: { id: row.id },
      data: sealConnectionCredentials(row.id, { accessToken: grant.access_token, refreshToken: grant.refresh_token }),
    });
    oauth2Ids.push(row.id);
    // Several tokens per store: Storelink's per-token bucket (120 burst) must not be what answers.
    for (let i = 0; i < 40; i++) tokens.push((await mintUnifiedToken(row.id, { name: `load-${i}` })).token);
  }
  for (let i = 0; i < ECWID_STORES; i++) {
    const store = await sandbox.createEcwidStore({ name: `Multi ${i}`, productCount: 2, orderCount: 0 });
    const installed = await sandbox.installEcwid(store.storeId, ["read_store_profile", "read_catalog"]);
    const row = await db.connection.create({
      data: {
        platform: "ECWID",
        externalId: String(store.storeId),
        displayName: `Multi ${i}`,
        nextCheckAt: new Date(Date.now() - 1000),
      },
    });
    await db.connection.update({
      where: { id: row.id },
      data: sealConnectionCredentials(row.id, { accessToken: installed.access_token }),
    });
  }
  const profileKey = (c: Record<string, number>) =>
    Object.entries(c)
      .filter(([k]) => /^ecwid-api GET .*profile/.test(k))
      .reduce((n, [, v]) => n + v, 0);
  const before = await sandbox.counters();
  const profileBefore = profileKey(before.requests);
  const tokenCallsBefore = before.tokenRequests["oauth2-sandbox"] ?? 0;

  const apps = Array.from({ length: INSTANCES }, (_, i) => `http://127.0.0.1:${BASE_PORT + i}`);
  const children = await Promise.all(
    apps.map((url, i) =>
      start(
        `app${i + 1}`,
        "npx",
        ["next", "start", "-H", "127.0.0.1", "-p", String(BASE_PORT + i)],
        { ...appEnv, APP_URL: url, AUTH_URL: url },
        /Ready|started server/i,
        { ownGroup: true },
      ),
    ),
  );
  await Promise.all(apps.map((url) => waitUntilHealthy(`${url}/api/health`)));

  // Steady load: closed loop, round-robin over instances and tokens.
  const statuses: Record<string, number> = {};
  let sent = 0;
  const hit = async (i: number): Promise<number> => {
    const res = await fetch(`${apps[i % apps.length]}/api/v1/products?limit=5`, {
      headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
    }).catch(() => null);
    if (!res) return -1;
    await res.arrayBuffer();
    return res.status;
  };
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        const status = await hit(sent++);
        statuses[status] = (statuses[status] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, 40)); // bounded: at most 25 req/s per worker
      }
    }),
  );
  console.log(`steady load: ${sent} requests over ${SECONDS} s on ${INSTANCES} instances: ${JSON.stringify(statuses)}`);

  await new Promise((r) => setTimeout(r, 1000));
  const after = await sandbox.counters();
  const tokenCalls = (after.tokenRequests["oauth2-sandbox"] ?? 0) - tokenCallsBefore;
  const refreshed = await db.connectionEvent.findMany({
    where: { type: "refreshed", connectionId: { in: oauth2Ids } },
    orderBy: { createdAt: "asc" },
  });
  const reauth = await db.connectionEvent.count({ where: { type: "needs_reauth" } });
  const states = await db.connection.groupBy({ by: ["status"], _count: true });
  const minGapMs = Math.min(
    ...oauth2Ids.map((id) => {
      const times = refreshed.filter((e) => e.connectionId === id).map((e) => e.createdAt.getTime());
      return times.slice(1).reduce((m, t, i) => Math.min(m, t - times[i]!), Infinity);
    }),
  );
  const healthChecks = profileKey(after.requests) - profileBefore;
  const fiveXX = Object.entries(statuses)
    .filter(([s]) => Number(s) >= 500 || s === "-1")
    .reduce((n, [, v]) => n + v, 0);
  check(fiveXX === 0, `no 5xx or dropped call in ${sent} calls (statuses ${JSON.stringify(statuses)})`);
  check(statuses["200"] === sent, `every call answered 200`);
  check(
    tokenCalls === refreshed.length && tokenCalls > 0,
    `${tokenCalls} upstream token call(s), each a recorded renewal (${refreshed.length} "refreshed" events)`,
  );
  check(
    reauth === 0,
    `no connection went to NEEDS_REAUTH (a duplicate refresh with a rotated token would) — states ${JSON.stringify(states.map((s) => [s.status, s._count]))}`,
  );
  check(
    minGapMs >= (TOKEN_LIFETIME_S * 1000) / 2,
    `no double renewal of one expiry: successive renewals of a store at least ${round(minGapMs / 1000)} s apart (token lifetime ${TOKEN_LIFETIME_S} s)`,
  );
  check(
    healthChecks === ECWID_STORES,
    `scheduled work claimed once: ${healthChecks} health checks for ${ECWID_STORES} due Ecwid connections across ${INSTANCES} schedulers`,
  );

  let restart: Record<string, unknown> | null = null;
  if (args["restart-postgres"]) restart = await restartUnderLoad(apps, hit);

  // Their schedulers would keep running beside the standalone servers: stop them (each is its own group).
  for (const child of children) if (child.pid) process.kill(-child.pid, "SIGTERM");
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : null)));
  return {
    seconds: SECONDS,
    concurrency: CONCURRENCY,
    tokenLifetimeSeconds: TOKEN_LIFETIME_S,
    requests: sent,
    statuses,
    tokenCalls,
    renewals: refreshed.length,
    minRenewalGapSeconds: round(minGapMs / 1000),
    healthChecks,
    dueEcwidConnections: ECWID_STORES,
    restart,
  };
}

/**
 * The standalone servers with Redis: one renewal for 1,000 concurrent calls on an expired Elastic Path token
 * spread over every instance, and one token's budget shared exactly across them.
 */
async function standaloneInstances(sandbox: Sandbox, db: Db) {
  await sandbox.configureElasticPath({ tokenLifetimeSeconds: 3600 });
  // 1,000 calls must not meet Storelink's own per-token budget (shared now): spread them over 20 tokens.
  const store = await benchElasticPathStore(sandbox, db, { baseUrl: sandboxUrls(SANDBOX_PORT).elasticpath, tokens: 21 });
  const env = { ...appEnv, REDIS_URL, STORELINK_SCHEDULER: "off" };
  const servers = await Promise.all(
    Array.from({ length: INSTANCES }, (_, i) => startStandalone(`api${i + 1}`, BASE_PORT + 10 + i, env)),
  );
  // What anything but a 200 or 429 said (a problem's title and detail, or the client error), for the report.
  const unexpected: Record<string, number> = {};
  const note = (what: string) => void (unexpected[what] = (unexpected[what] ?? 0) + 1);
  const call = async (instance: number, token: string): Promise<number> => {
    try {
      const res = await fetch(`${servers[instance]!.url}/api/v1/products?limit=5`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await res.text();
      if (res.status !== 200 && res.status !== 429) {
        const problem = JSON.parse(body) as { title?: string; detail?: string };
        note(`${res.status} ${problem.title}: ${problem.detail}`);
      }
      return res.status;
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      note(`client: ${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`);
      return -1;
    }
  };
  // Warm every instance as a running deployment is (database pool, upstream pool, Redis connected), on
  // another store, so the expired token below is the first thing any instance sees of its connection.
  const warm = await benchElasticPathStore(sandbox, db, { baseUrl: sandboxUrls(SANDBOX_PORT).elasticpath, tokens: 1 });
  for (let k = 0; k < INSTANCES; k++) await call(k, warm.tokens[0]!);
  const tally = (statuses: number[]) => statuses.reduce<Record<string, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});

  const tokenCalls = async () => (await sandbox.counters()).tokenRequests[store.clientId] ?? 0;
  const before = await tokenCalls();
  const loadTokens = store.tokens.slice(0, 20);
  const t0 = Date.now();
  const statuses = await Promise.all(
    Array.from({ length: COALESCE_REQUESTS }, (_, i) => call(i % INSTANCES, loadTokens[i % loadTokens.length]!)),
  );
  const seconds = round((Date.now() - t0) / 1000);
  const coalescingUnexpected = { ...unexpected };
  const coalescing = {
    unexpected: coalescingUnexpected,
    requests: COALESCE_REQUESTS,
    tokenCalls: (await tokenCalls()) - before,
    statuses: tally(statuses),
    byInstance: Object.fromEntries(servers.map((s, k) => [s.name, tally(statuses.filter((_, i) => i % INSTANCES === k))])),
    seconds,
  };
  console.log(
    `standalone coalescing: ${coalescing.tokenCalls} token call(s) for ${COALESCE_REQUESTS} concurrent calls, ${JSON.stringify(coalescing.statuses)}`,
  );
  check(
    coalescing.tokenCalls === 1,
    `refresh coalescing across ${INSTANCES} standalone instances: ${coalescing.tokenCalls} upstream token call(s) for ${COALESCE_REQUESTS} concurrent calls on an expired Elastic Path token`,
  );
  check(
    coalescing.statuses["200"] === COALESCE_REQUESTS,
    `every one of those calls answered 200 (${JSON.stringify(coalescing.statuses)})`,
  );

  // One fresh token, more calls than its budget, all at once, over every instance.
  const burstToken = store.tokens[20]!;
  const burst = await Promise.all(Array.from({ length: BURST_REQUESTS }, (_, i) => call(i % INSTANCES, burstToken)));
  const ok = burst.filter((s) => s === 200).length;
  const okByInstance = Object.fromEntries(
    servers.map((s, k) => [s.name, burst.filter((x, i) => x === 200 && i % INSTANCES === k).length]),
  );
  console.log(
    `standalone burst: ${ok} of ${BURST_REQUESTS} answered 200 (${JSON.stringify(tally(burst))}), by instance ${JSON.stringify(okByInstance)}`,
  );
  check(
    ok === RATE_LIMIT.points,
    `one token's budget across ${INSTANCES} instances with Redis: ${ok} calls answered 200 of a burst of ${BURST_REQUESTS} (budget ${RATE_LIMIT.points})`,
  );
  check(
    burst.every((s) => s === 200 || s === 429),
    `the rest answered 429 (${JSON.stringify(tally(burst))})`,
  );

  for (const s of servers) s.child.kill("SIGTERM");
  await Promise.all(servers.map((s) => (s.child.exitCode === null ? new Promise((r) => s.child.once("exit", r)) : null)));
  return {
    redisUrl: REDIS_URL,
    coalescing,
    burst: { requests: BURST_REQUESTS, budget: RATE_LIMIT.points, ok, statuses: tally(burst), okByInstance },
    unexpected,
  };
}

/** Load on every instance while PostgreSQL restarts: 503s with Retry-After during the gap, 200s after. */
async function restartUnderLoad(apps: string[], hit: (i: number) => Promise<number>) {
  const during: Record<string, number> = {};
  let stop = false;
  let i = 0;
  const workers = Array.from({ length: 6 }, async () => {
    while (!stop) {
      const s = await hit(i++);
      during[s] = (during[s] ?? 0) + 1;
      await new Promise((r) => setTimeout(r, 10));
    }
  });
  await new Promise((r) => setTimeout(r, 2000));
  const cluster = execFileSync("ls", ["/etc/postgresql"]).toString().trim().split("\n")[0]!;
  const t0 = Date.now();
  // Stop, stay down long enough that the unified API's 1 s read memo cannot hide the outage, then start.
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", cluster, "main", "stop", "-m", "fast"]);
  await new Promise((r) => setTimeout(r, 4000));
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", cluster, "main", "start"]);
  const downSeconds = round((Date.now() - t0) / 1000);
  await new Promise((r) => setTimeout(r, 3000));
  stop = true;
  await Promise.all(workers);
  // After: a clean batch must all succeed.
  const afterStatuses: Record<string, number> = {};
  for (let k = 0; k < 60; k++) {
    const s = await hit(k);
    afterStatuses[s] = (afterStatuses[s] ?? 0) + 1;
  }
  console.log(`restart: down ${downSeconds} s; during ${JSON.stringify(during)}; after ${JSON.stringify(afterStatuses)}`);
  const bad = Object.entries(during)
    .filter(([s]) => s !== "200" && s !== "503")
    .reduce((n, [, v]) => n + v, 0);
  check((during["503"] ?? 0) > 0, `the outage was seen: ${during["503"] ?? 0} calls answered 503 service_unavailable`);
  check(bad === 0, `no 500 and no dropped call while PostgreSQL was down (statuses ${JSON.stringify(during)})`);
  check(afterStatuses["200"] === 60, `every call succeeds once PostgreSQL is back (${JSON.stringify(afterStatuses)})`);
  void apps;
  return { downSeconds, during, after: afterStatuses };
}

try {
  await main();
} finally {
  stopAll();
  // An app whose database is being dropped may not finish its graceful shutdown: do not leave it running.
  await new Promise((r) => setTimeout(r, 3000));
  stopAll("SIGKILL");
  await drop().catch(() => undefined);
}
console.log(failures.length ? `${failures.length} check(s) failed` : "all checks passed");
process.exit(failures.length ? 1 : 0);
