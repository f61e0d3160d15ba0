// `npm run start:api`: the unified API standalone on API_PORT (default 3001), for production scale where it
// should not pay Next's router on every call. Same app as /api/v1 inside Next (lib/api/app.ts). Runs on
// PostgreSQL (DATABASE_URL); several instances share rate limits through REDIS_URL and hear revocations
// through PostgreSQL LISTEN/NOTIFY. SIGTERM/SIGINT shut it down gracefully.
import { startApiServer } from "@/lib/api/server";
import { listenForReadCacheChanges } from "@/lib/db-broadcast";
import { getEnv } from "@/lib/env";
import { checkStartupOrExit } from "@/lib/startup";

await checkStartupOrExit();
const env = getEnv();
const broadcast = listenForReadCacheChanges(env.DATABASE_URL);
const server = await startApiServer({ port: env.API_PORT, hostname: process.env.API_HOST });
console.log(`Storelink unified API listening on ${server.url}/api/v1 (OpenAPI: ${server.url}/api/v1/openapi.json)`);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight calls, then stopping`);
    void server
      .close()
      .then(() => broadcast.stop())
      .then(() => process.exit(0));
  });
}
