// A separate app process for the PostgreSQL concurrency tests (run with tsx --conditions=react-server):
// CALLS concurrent unified-API-style calls (fresh credentials → the adapter) on one connection; prints
// one JSON line with the outcome. MODE=force-refresh runs one forced renewal instead (used to be killed).
import { freshCredentials } from "@/lib/connections/fresh-credentials";
import { oauth2Adapter } from "@/lib/platforms/oauth2/adapter";
import type { OAuth2Credentials } from "@/lib/platforms/oauth2/types";

const connectionId = process.env.CONNECTION_ID!;
const calls = Number(process.env.CALLS ?? "100");

async function oneCall(): Promise<string> {
  const fresh = await freshCredentials<OAuth2Credentials>(connectionId);
  if (!fresh.ok) return `fresh:${fresh.reason}`;
  const store = await oauth2Adapter.getStore(fresh.context);
  return store.id;
}

async function main() {
  if (process.env.MODE === "force-refresh") {
    process.stdout.write("started\n");
    const result = await freshCredentials(connectionId, { force: true });
    process.stdout.write(`${JSON.stringify({ ok: result.ok })}\n`);
    process.exit(0);
  }
  // Start together: wait for the parent's go signal so both processes hit the expired token at once.
  await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
  const results = await Promise.all(Array.from({ length: calls }, () => oneCall().catch((e: Error) => `error:${e.message}`)));
  const counts: Record<string, number> = {};
  for (const r of results) counts[r] = (counts[r] ?? 0) + 1;
  process.stdout.write(`${JSON.stringify(counts)}\n`);
  process.exit(0);
}

void main();
