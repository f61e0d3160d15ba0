// npm run demo: Storelink with its embedded defaults on a fresh machine. Generates secrets into .data/,
// migrates the embedded database, starts the platform sandboxes, creates a demo admin, builds if needed,
// and serves on http://localhost:3000.
import { applyMigrations } from "./db/engine";
import { buildIsStale } from "./lib/build-state";
import { run, start } from "./lib/processes";
import { sandboxAppEnv, sandboxUrls } from "./lib/sandbox-env";
import { demoSecrets } from "./lib/secrets";

const PORT = Number(process.env.PORT ?? 3000);
const API_PORT = Number(process.env.API_PORT ?? 3001);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4400);
const APP_URL = `http://localhost:${PORT}`;
const DATABASE_URL = process.env.DATABASE_URL ?? "pglite:./.data/db";
const DEMO_ADMIN = "admin@storelink.local";

const secrets = demoSecrets();
if (secrets.created) console.log("Generated AUTH_SECRET and a vault key into .data/demo.env (kept for later runs).");

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  DATABASE_URL,
  AUTH_SECRET: secrets.AUTH_SECRET,
  AUTH_URL: APP_URL,
  STORELINK_VAULT_KEYS: secrets.STORELINK_VAULT_KEYS,
  APP_URL,
  // The unified API also on its own port, without Next's router (same process: PGlite serves one).
  STORELINK_API_SERVER: "on",
  API_PORT: String(API_PORT),
  ...sandboxAppEnv(SANDBOX_PORT),
};

console.log("Migrating the embedded database…");
const applied = await applyMigrations(DATABASE_URL);
console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");

await run(
  "admin:create",
  "npx",
  ["tsx", "--conditions=react-server", "scripts/admin-create.ts", "--email", DEMO_ADMIN, "--role", "OWNER"],
  env,
);

if (buildIsStale()) {
  console.log("Building Storelink (first run or sources changed; takes a minute)…");
  await run("next build", "npx", ["next", "build"], env);
}

const sandbox = sandboxUrls(SANDBOX_PORT);
await start(
  "sandbox",
  "npx",
  ["tsx", "e2e/simulators/main.ts", "--port", String(SANDBOX_PORT)],
  { ...env, SANDBOX_APP_URL: APP_URL },
  /sandbox ready/,
);
await start(
  "storelink",
  "npx",
  ["next", "start", "-p", String(PORT), "--keepAliveTimeout", "65000"],
  env,
  /unified API also listening/i,
);

console.log(`
────────────────────────────────────────────────────────────────────
 Storelink is running: ${APP_URL}
 Sign in as ${DEMO_ADMIN} with the password printed above.

 Unified API (create a store's token on its page, then):
  • mounted in Next:  curl -H "Authorization: Bearer slk_…" ${APP_URL}/api/v1/store
  • standalone:       curl -H "Authorization: Bearer slk_…" http://localhost:${API_PORT}/api/v1/store

 Try:
  • Install the Ecwid app:     ${APP_URL}/api/ecwid/oauth/start  (sandbox consent page)
  • Ecwid Control Panel page:  ${sandbox.ecwidMy}/cp/1003  (after installing store 1003)
  • Connect Elastic Path:      ${APP_URL}/stores/connect/elasticpath  (credentials printed by [sandbox])
  • Shop as a shopper:         the store's Storefront preview → Sign in as a shopper, with the
                               "ep shoppers" printed by [sandbox] (ep-demo-store's key)
  • Integrate an app:          register it at ${APP_URL}/apps (return URL ${sandbox.integrator}/return, webhook
                               endpoint ${sandbox.integrator}/webhooks), then in another terminal
                               npm run example-integrator -- --app-key sla_… --webhook-secret whsec_…
                               and open ${sandbox.integrator}/ as the merchant
  • Sandbox control API:       ${sandbox.control}/__sandbox/state
 Stop with Ctrl+C.
────────────────────────────────────────────────────────────────────`);
