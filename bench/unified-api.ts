// Unified-API benchmark (issue 7): GET /api/v1/products through Storelink versus the same call straight to
// the sandbox provider, at concurrency 1, 16 and 64; then refresh coalescing (upstream token calls per
// 1,000 concurrent requests on an expired access token); then the page figures of bench/pages.ts (stores
// page server time at 100,000 connections, Control Panel page ready time, first-load JS). Loopback only,
// bounded per level.
//
//   npx tsx --conditions=react-server bench/unified-api.ts
//
// Starts the e2e harness (fresh database, sandbox, the build at STORELINK_DIST_DIR) on E2E_APP_PORT /
// E2E_SANDBOX_PORT (defaults 3225 / 5020), or reuses a running one given BENCH_APP_URL + BENCH_SANDBOX_URL
// (it must have the harness's admin account). Writes bench/results/unified-api-harness.{json,md} (bench:api owns unified-api.*).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { controlPanelReady, firstLoadJsKb, serverTime, type Timing } from "./pages";
import { closedLoop, type LevelResult } from "./lib/load";
import { round } from "./lib/stats";

const reuse = process.env.BENCH_APP_URL && process.env.BENCH_SANDBOX_URL;
if (reuse) {
  process.env.E2E_BASE_URL = process.env.BENCH_APP_URL;
  process.env.E2E_SANDBOX_URL = process.env.BENCH_SANDBOX_URL;
} else {
  process.env.E2E_APP_PORT ??= "3225";
  process.env.E2E_SANDBOX_PORT ??= "5020";
  // The stores page is measured at scale: the harness seeds its fresh database before the app starts.
  process.env.E2E_SEED_CONNECTIONS ??= "100000";
}

const LEVELS = [1, 16, 64] as const;
const MAX_REQUESTS = { 1: 300, 16: 1_000, 64: 1_000 } as const;
const MAX_MS = 10_000;
const COALESCE_REQUESTS = 1_000;
/** Storelink's per-token bucket holds 120 (lib/api/rate-limit.ts): spread load over tokens of one store. */
const PER_TOKEN = 110;
const TARGET = { addedP50Ms: 2, addedP99Ms: 10, tokenCallsPerExpiry: 1, storesPageP95Ms: 100, controlPanelJsKb: 150 };
const PAGE_RUNS = 20;
const STORES_CASES: Record<string, string> = {
  "default (newest first)": "/stores",
  "search q=kyoto": "/stores?q=kyoto",
  "exact store id": "/stores?q=seed-4242",
  "sort by last used desc": "/stores?sort=lastUsedAt&dir=desc",
  "platform + status filter": "/stores?platform=OAUTH2&status=ACTIVE",
};

const { testEnv, TEST_USERS } = await import("../e2e/support/test-env");
const { SandboxControl } = await import("../e2e/simulators/control-client");

type Level = {
  concurrency: number;
  direct: LevelResult;
  floor: LevelResult;
  storelink: LevelResult;
  addedP50: number;
  addedP99: number;
  handlerP50: number;
  rpsRatio: number;
};

const load = (concurrency: number, maxRequests: number, send: (i: number) => Promise<number>, expected = 200) =>
  closedLoop(concurrency, { maxRequests, maxMs: MAX_MS, expected }, send);

let harness: ChildProcess | null = null;

/** The e2e harness in its own process group, so the sandbox and app it spawns are stopped with it. */
function startHarness(): Promise<void> {
  const child = spawn("npx", ["tsx", "--conditions=react-server", "e2e/support/serve.ts"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  harness = child;
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      if (process.env.BENCH_VERBOSE) process.stdout.write(text);
      if (/\[storelink\].*(Ready|started server)/i.test(text)) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) =>
      reject(new Error(`the harness exited (${code}) before the app was ready; rerun with BENCH_VERBOSE=1`)),
    );
  });
}

function stopHarness() {
  if (harness?.pid) {
    try {
      process.kill(-harness.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/** Client-side failures (status -1) by message, so the report says what they were. */
const clientErrors: Record<string, number> = {};

async function getStatus(url: string, token: string): Promise<number> {
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    return res.status;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const key = `${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`;
    clientErrors[key] = (clientErrors[key] ?? 0) + 1;
    return -1;
  }
}

async function main() {
  if (!reuse) {
    console.log(`starting the harness on ${testEnv.appUrl} (sandbox ${testEnv.sandboxControlUrl}) …`);
    await startHarness();
  }
  const sandbox = new SandboxControl(testEnv.sandboxControlUrl);
  const urls = ((await sandbox.state()) as { urls: { oauth2: string } }).urls;

  // Connect the Lisbon shop through the dashboard as an admin would, then mint a pool of unified tokens.
  const { chromium } = await import("@playwright/test");
  const { SignInPage } = await import("../e2e/support/sign-in");
  const { connectOAuth2Store, createTokenInUi } = await import("../e2e/support/stores-oauth2");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  });
  const context = await browser.newContext({ baseURL: testEnv.appUrl });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await new SignInPage(page).signIn(TEST_USERS.admin.email);
  const { token: first, connectionId } = await connectOAuth2Store(page, "lisbon");
  const needed =
    LEVELS.reduce((n, c) => n + Math.ceil((MAX_REQUESTS[c] + 20) / PER_TOKEN), 0) + Math.ceil(COALESCE_REQUESTS / PER_TOKEN);
  const pool = [first];
  const settle = async () => {
    // The "shown once" dialog can still be open (or re-open on reload until its notice is consumed).
    const open = page.locator("dialog[open]");
    if (await open.isVisible())
      await open
        .getByRole("button", { name: "Done" })
        .click()
        .catch(() => undefined);
    await open.waitFor({ state: "hidden", timeout: 10_000 });
  };
  await settle();
  for (let i = pool.length; i < needed; i++) {
    pool.push(await createTokenInUi(page, `bench-${Date.now()}-${i}`));
    await settle();
  }
  console.log(`connection ${connectionId}: ${pool.length} unified tokens`);
  const take = (n: number) => pool.splice(0, Math.ceil(n / PER_TOKEN));

  const direct = (await sandbox.createOAuth2Grant({ shopId: "shop-lisbon-vintage" })).access_token;
  const storelinkUrl = `${testEnv.appUrl}/api/v1/products?limit=20`;
  const directUrl = `${urls.oauth2}/api/products`;

  const levels: Level[] = [];
  for (const c of LEVELS) {
    const tokens = take(MAX_REQUESTS[c] + 20);
    // Warm both paths (connections, JIT, Storelink's credential cache).
    await Promise.all(Array.from({ length: 10 }, (_, i) => getStatus(storelinkUrl, tokens[i % tokens.length]!)));
    await Promise.all(Array.from({ length: 10 }, () => getStatus(directUrl, direct)));
    const d = await load(c, MAX_REQUESTS[c], () => getStatus(directUrl, direct));
    // Next.js's own floor on this machine: the same route and proxy answering a malformed token with a 401
    // (no database, no upstream call): what any Next.js route handler costs before Storelink does anything.
    const f = await load(c, MAX_REQUESTS[c], () => getStatus(storelinkUrl, "slk_malformed"), 401);
    const s = await load(c, MAX_REQUESTS[c], (i) => getStatus(storelinkUrl, tokens[i % tokens.length]!));
    levels.push({
      concurrency: c,
      direct: d,
      floor: f,
      storelink: s,
      addedP50: round(s.p50 - d.p50),
      addedP99: round(s.p99 - d.p99),
      handlerP50: round(s.p50 - d.p50 - (f.p50 - d.p50)),
      rpsRatio: round(s.rps / d.rps),
    });
    console.log(
      `c=${c}: direct p50 ${d.p50} ms p99 ${d.p99} ms ${d.rps} rps | Next floor p50 ${f.p50} ms | storelink p50 ${s.p50} ms p99 ${s.p99} ms ${s.rps} rps, errors ${JSON.stringify(s.errors)}`,
    );
  }

  // Refresh coalescing: the provider expires every access token; 1,000 concurrent calls must cause one refresh.
  const coalesceTokens = take(COALESCE_REQUESTS);
  const clientId = "oauth2-sandbox";
  const before = (await sandbox.counters()).tokenRequests[clientId] ?? 0;
  await sandbox.expireOAuth2({ tokens: "access" });
  const t0 = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: COALESCE_REQUESTS }, (_, i) =>
      getStatus(storelinkUrl, coalesceTokens[i % coalesceTokens.length]!).catch(() => -1),
    ),
  );
  const coalesceSeconds = (performance.now() - t0) / 1000;
  const after = (await sandbox.counters()).tokenRequests[clientId] ?? 0;
  const statusCounts: Record<string, number> = {};
  for (const s of statuses) statusCounts[String(s)] = (statusCounts[String(s)] ?? 0) + 1;
  const coalescing = {
    requests: COALESCE_REQUESTS,
    tokenCalls: after - before,
    statuses: statusCounts,
    seconds: round(coalesceSeconds),
    clientErrors: { ...clientErrors },
  };
  console.log(
    `coalescing: ${coalescing.tokenCalls} token call(s) for ${COALESCE_REQUESTS} concurrent requests, statuses ${JSON.stringify(statusCounts)}`,
  );

  const pages = await measurePages(browser, context, page);
  await browser.close();

  const c16 = levels.find((l) => l.concurrency === 16)!;
  const worstStoresP95 = Math.max(...Object.values(pages.storesPage).map((t) => t.p95));
  const verdict = (value: number, target: number) => ({
    value,
    target,
    met: value <= target,
    by: round(Math.abs(target - value)),
  });
  const targets = {
    addedP50AtC16: verdict(c16.addedP50, TARGET.addedP50Ms),
    addedP99AtC16: verdict(c16.addedP99, TARGET.addedP99Ms),
    tokenCallsPerExpiry: verdict(coalescing.tokenCalls, TARGET.tokenCallsPerExpiry),
    storesPageP95: verdict(worstStoresP95, TARGET.storesPageP95Ms),
    controlPanelFirstLoadJs: verdict(pages.firstLoadJs.controlPanel.kb, TARGET.controlPanelJsKb),
  };
  const cpus = (await import("node:os")).cpus().length;
  const loadavg = (await import("node:os")).loadavg().map(round);
  const result = {
    machine: { cpus, loadavg },
    benchmark: "unified-api",
    at: new Date().toISOString(),
    app: testEnv.appUrl,
    endpoint: "GET /api/v1/products?limit=20 (OAuth2 sandbox store)",
    caps: { maxRequests: MAX_REQUESTS, maxMs: MAX_MS },
    levels,
    coalescing,
    pages,
    targets,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/unified-api-harness.json", `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync("bench/results/unified-api-harness.md", markdown(result));
  console.log(markdown(result));
}

async function measurePages(
  browser: import("@playwright/test").Browser,
  context: import("@playwright/test").BrowserContext,
  page: import("@playwright/test").Page,
) {
  const seeded = process.env.E2E_SEED_CONNECTIONS ?? "0";
  const storesPage: Record<string, Timing> = {};
  for (const [name, path] of Object.entries(STORES_CASES)) {
    storesPage[name] = await serverTime(testEnv.appUrl, context, path, PAGE_RUNS);
    console.log(`stores page, ${name}: p50 ${storesPage[name]!.p50} ms, p95 ${storesPage[name]!.p95} ms`);
  }
  const dashboard = await firstLoadJsKb(page, testEnv.appUrl, async () => void (await page.goto("/")));

  // An Ecwid store installed through the consent page, then its Control Panel page in the sandbox host.
  const { freshEcwidStore, ecwidUrls } = await import("../e2e/support/ecwid-sandbox");
  const store = await freshEcwidStore();
  await page.goto("/api/ecwid/oauth/start");
  await page.getByLabel(new RegExp(store.name)).check();
  await page.getByRole("button", { name: "Install" }).click();
  await page.getByRole("heading", { name: "Store connected" }).waitFor();
  const hostUrl = `${ecwidUrls.ecwidMy}/cp/${store.storeId}?mode=encrypted`;
  const cpPage = await (await browser.newContext()).newPage();
  const controlPanel = await firstLoadJsKb(cpPage, testEnv.appUrl, async () => void (await cpPage.goto(hostUrl)));
  const cpReady = await controlPanelReady(browser, hostUrl, PAGE_RUNS);
  console.log(
    `first-load JS: dashboard ${dashboard.kb} KB, Control Panel page ${controlPanel.kb} KB (gzip); CP ready p50 ${cpReady.p50} ms`,
  );
  return { seededConnections: Number(seeded), storesPage, firstLoadJs: { dashboard, controlPanel }, controlPanelReady: cpReady };
}

type PagesResult = Awaited<ReturnType<typeof measurePages>>;

function markdown(r: {
  machine: { cpus: number; loadavg: number[] };
  at: string;
  pages: PagesResult;
  levels: Level[];
  coalescing: { requests: number; tokenCalls: number; statuses: Record<string, number>; clientErrors: Record<string, number> };
  targets: Record<string, { value: number; target: number; met: boolean; by: number }>;
}): string {
  const row = (l: (typeof r.levels)[number]) =>
    `| ${l.concurrency} | ${l.direct.p50} / ${l.direct.p99} | ${l.floor.p50} / ${l.floor.p99} | ${l.storelink.p50} / ${l.storelink.p99} | +${l.addedP50} / +${l.addedP99} | +${l.handlerP50} | ${round(l.storelink.p50 / l.direct.p50)}× / ${round(l.storelink.p99 / l.direct.p99)}× | ${l.direct.rps} | ${l.floor.rps} | ${l.storelink.rps} | ${l.rpsRatio}× | ${l.storelink.ok}/${l.storelink.requests} |`;
  const t = (name: string, v: { value: number; target: number; met: boolean; by: number }, unit: string) =>
    `| ${name} | ${v.value}${unit} | ≤ ${v.target}${unit} | ${v.met ? `met by ${v.by}${unit}` : `**missed by ${v.by}${unit}**`} |`;
  return [
    `# Unified API benchmark (${r.at})`,
    "",
    "`GET /api/v1/products?limit=20` through Storelink vs `GET /api/products` straight to the sandbox OAuth2 provider, loopback, closed loop (10 s or the request cap per level).",
    "The Next.js floor is the same route answering a malformed token (401: no database, no upstream call), i.e. what the framework and the proxy cost on this machine before Storelink's handler runs; \"of which Storelink's handler\" is the added latency minus that floor's own excess over the direct call.",
    "",
    "| concurrency | direct p50 / p99 ms | Next.js floor p50 / p99 ms | Storelink p50 / p99 ms | added p50 / p99 ms | of which Storelink's handler p50 | latency ratio p50 / p99 | direct req/s | floor req/s | Storelink req/s | throughput ratio | Storelink 200s |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...r.levels.map(row),
    "",
    `Refresh coalescing: ${r.coalescing.tokenCalls} upstream token call(s) for ${r.coalescing.requests} concurrent requests on an expired access token (statuses: ${Object.entries(
      r.coalescing.statuses,
    )
      .map(([k, v]) => `${k}×${v}`)
      .join(", ")}; -1 = client-side failure: ${JSON.stringify(r.coalescing.clientErrors)}).`,
    "",
    `Machine: ${r.machine.cpus} CPUs, load average ${r.machine.loadavg.join(" / ")} at the end (the app, its PGlite database, the sandbox and this client share them).`,
    "",
    "| target (issue 7) | measured | target | verdict |",
    "|---|---|---|---|",
    t("added latency p50 at c=16", r.targets.addedP50AtC16!, " ms"),
    t("added latency p99 at c=16", r.targets.addedP99AtC16!, " ms"),
    t("token calls per expiry", r.targets.tokenCallsPerExpiry!, ""),
    t("stores page p95 (worst case below)", r.targets.storesPageP95!, " ms"),
    t("Control Panel page first-load JS (gzip)", r.targets.controlPanelFirstLoadJs!, " KB"),
    "",
    `## Pages`,
    "",
    `Stores page at ${r.pages.seededConnections.toLocaleString("en")} connections: server time from request to last byte for a signed-in admin, ${PAGE_RUNS} runs each after a warm-up (the query alone: bench/stores-page.ts).`,
    "",
    "| stores page | p50 ms | p95 ms |",
    "|---|---|---|",
    ...Object.entries(r.pages.storesPage).map(([name, v]) => `| ${name} | ${v.p50} | ${v.p95} |`),
    "",
    `Control Panel page: from the app iframe's request to the bridge's \`ready\` in the host, p50 ${r.pages.controlPanelReady.p50} ms, p95 ${r.pages.controlPanelReady.p95} ms (${r.pages.controlPanelReady.runs} fresh browser contexts).`,
    "",
    `First-load JS (gzip, every script Storelink served for the first view): dashboard home ${r.pages.firstLoadJs.dashboard.kb} KB in ${r.pages.firstLoadJs.dashboard.files} files; Control Panel page ${r.pages.firstLoadJs.controlPanel.kb} KB in ${r.pages.firstLoadJs.controlPanel.files} files.`,
    "",
  ].join("\n");
}

try {
  await main();
} finally {
  stopHarness();
}
process.exit(0);
