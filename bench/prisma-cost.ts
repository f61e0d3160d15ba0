// CPU time of the database calls a unified-API call can cause, through Storelink's Prisma client on
// PostgreSQL (a throw-away database on TEST_DATABASE_URL): the memoized token + connection read when its
// memo has expired, and the batched request-log INSERT at several batch sizes (Prisma createMany, as the
// log used to write it, and the one raw unnest statement lib/requests/log.ts writes now). process.cpuUsage() of this
// process around each call, after a warm-up; the bench:api profile says what share of a request these are.
//
//   npx tsx --conditions=react-server bench/prisma-cost.ts
import { randomBytes } from "node:crypto";
import { applyMigrations } from "../scripts/db/engine";
import { createPostgresDatabase } from "../testing/test-db";

const { url, drop } = await createPostgresDatabase(
  process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  "storelink_prisma_cost",
);
Object.assign(process.env, {
  DATABASE_URL: url,
  STORELINK_VAULT_KEYS: `cost:${randomBytes(32).toString("base64")}`,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  STORELINK_SCHEDULER: "off",
});

try {
  await applyMigrations(url);
  const { createPrismaClient, closeDb } = await import("../lib/db-client");
  const db = createPrismaClient(url);
  (globalThis as unknown as { storelinkDb?: typeof db }).storelinkDb = db;
  const { insertConnection } = await import("../testing/lifecycle");
  const { mintUnifiedToken, findLiveCaller } = await import("../lib/connections/unified-tokens");
  const { clearReadCache } = await import("../lib/read-cache");
  const connectionId = await insertConnection(db, {
    platform: "ELASTICPATH",
    baseUrl: "http://127.0.0.1:1",
    credentials: { clientId: "a", clientSecret: "b", accessToken: "c" },
  });
  const token = await mintUnifiedToken(connectionId, { name: "cost" });

  const measure = async (label: string, n: number, call: () => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await call();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await call();
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `${label}: ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms CPU each (wall ${((performance.now() - t0) / n).toFixed(3)} ms)`,
    );
  };
  await measure("token + connection read (findLiveCaller with its memo cleared)", 300, async () => {
    clearReadCache();
    await findLiveCaller(token.token);
  });
  const row = () => ({
    connectionId,
    tokenId: token.id,
    method: "GET",
    path: "/api/v1/products?limit=20",
    status: 200,
    upstreamStatus: null,
    latencyMs: 3,
  });
  for (const rows of [1, 30, 60])
    await measure(`request log createMany, ${rows} row(s)`, 100, () =>
      db.apiRequest.createMany({ data: Array.from({ length: rows }, row) }),
    );
  // What lib/requests/log.ts does now: one INSERT … SELECT FROM unnest(…) per batch (ids made in JS).
  const { logApiRequest, flushApiRequestLog } = await import("../lib/requests/log");
  for (const rows of [1, 30, 60, 500])
    await measure(`request log raw unnest INSERT (lib/requests/log.ts), ${rows} row(s)`, 100, () => {
      for (let i = 0; i < rows; i++) logApiRequest(row());
      return flushApiRequestLog();
    });
  await measure("SELECT 1 through $queryRaw", 300, () => db.$queryRaw`SELECT 1`);
  await closeDb(db);
} finally {
  await drop();
}
process.exit(0);
