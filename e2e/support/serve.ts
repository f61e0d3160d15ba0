// Playwright's webServer (run with --conditions=react-server, as it imports server-only modules): a throw-away database (fresh PGlite folder, or a fresh PostgreSQL database when
// TEST_DATABASE_URL is set), migrated, with the test accounts; the platform sandboxes; and the built app.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { applyMigrations } from "../../scripts/db/engine";
import { buildIsStale } from "../../scripts/lib/build-state";
import { run, start } from "../../scripts/lib/processes";
import { sandboxAppEnv } from "../../scripts/lib/sandbox-env";
import { seedConnections } from "../../scripts/seed-connections";
import { hashPassword } from "../../lib/auth/password";
import { closeDb, createPrismaClient } from "../../lib/db-client";
import { createPostgresDatabase } from "../../testing/test-db";
import { harnessDir, harnessLogPath, harnessSecretsPath, TEST_PASSWORD, TEST_USERS, testEnv } from "./test-env";

async function freshDatabase(): Promise<string> {
  // Not dropped here: the harness is killed with the test run; CI drops leftover storelink_e2e_* databases.
  if (testEnv.TEST_DATABASE_URL) return (await createPostgresDatabase(testEnv.TEST_DATABASE_URL, "storelink_e2e")).url;
  return `pglite:./${harnessDir()}/db`;
}

rmSync(harnessDir(), { recursive: true, force: true });
mkdirSync(harnessDir(), { recursive: true });

const appUrl = testEnv.appUrl;
const databaseUrl = await freshDatabase();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  AUTH_URL: appUrl,
  STORELINK_VAULT_KEYS: `e2e:${randomBytes(32).toString("base64")}`,
  APP_URL: appUrl,
  // Tests drive renewals themselves and count token requests; the scheduler has its own unit tests.
  STORELINK_SCHEDULER: "off",
  // Every browser here signs in from 127.0.0.1: the suite spends ~65 attempts of the address's daily budget,
  // and CI's retries could spend the rest. The 100-a-day default has its own unit test.
  SIGN_IN_ADDRESS_LIMIT: "1000",
  // The unified API standalone too (same process: PGlite serves one), so the API specs run against both.
  STORELINK_API_SERVER: "on",
  API_PORT: String(testEnv.E2E_APP_PORT + 1),
  // Webhook retries after 0.2 s, 0.4 s, 0.8 s… instead of 30 s, 60 s…: the delivery specs watch several attempts.
  STORELINK_WEBHOOK_RETRY_BASE_MS: "200",
  ...sandboxAppEnv(testEnv.sandboxBasePort),
};

// The harness's own secrets, for the secret-leak crawl (git-ignored, next to the throw-away database).
writeFileSync(
  harnessSecretsPath(),
  JSON.stringify({
    databaseUrl,
    secrets: [
      env.AUTH_SECRET,
      ...String(env.STORELINK_VAULT_KEYS)
        .split(",")
        .map((k) => k.split(":")[1]),
      env.ECWID_CLIENT_SECRET,
      env.OAUTH2_CLIENT_SECRET,
    ],
  }),
);

await applyMigrations(databaseUrl);
const db = createPrismaClient(databaseUrl);
const passwordHash = await hashPassword(TEST_PASSWORD);
for (const user of Object.values(TEST_USERS)) {
  await db.user.create({ data: { email: user.email, role: user.role, passwordHash } });
}
if (testEnv.E2E_SEED_CONNECTIONS > 0) await seedConnections(db, testEnv.E2E_SEED_CONNECTIONS);
await closeDb(db);
if (buildIsStale()) await run("next build", "npx", ["next", "build"], env);
await start(
  "sandbox",
  "npx",
  ["tsx", "e2e/simulators/main.ts", "--port", String(testEnv.sandboxBasePort)],
  { ...env, SANDBOX_APP_URL: appUrl },
  /sandbox ready/,
);
await start(
  "storelink",
  "npx",
  // Idle keep-alive connections stay open 65 s, not Node's 5: a client that reuses a connection the moment
  // the server closes it gets ECONNRESET (seen in lifecycle-oauth2 under load). Clients and proxies (60 s on
  // most load balancers) should be the side that closes first.
  ["next", "start", "-H", "127.0.0.1", "-p", String(testEnv.E2E_APP_PORT), "--keepAliveTimeout", "65000"],
  env,
  /Ready|started server/i,
  { logFile: harnessLogPath() },
);
