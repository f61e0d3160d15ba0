import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { keyRing } from "@/lib/vault";
import { missingVaultKeyIds } from "@/lib/vault/rotation";

/**
 * Checks run once when a server process starts, before it serves anything. Each failure stops the process
 * with a message that says what to fix; none of them writes to the database.
 */
export async function checkStartup(): Promise<void> {
  getEnv();
  const missing = await missingVaultKeyIds(db, keyRing());
  if (missing.length > 0) {
    throw new Error(
      `Storelink cannot start: stored credentials are encrypted with vault key id(s) ${missing.join(", ")}, ` +
        `which STORELINK_VAULT_KEYS does not contain. Add those keys back to the ring (newest first), ` +
        `then run \`npm run vault:rotate\` before removing them.`,
    );
  }
}

/** For instrumentation.ts: a failed check prints its message and stops the process. */
export async function checkStartupOrExit(): Promise<void> {
  try {
    await checkStartup();
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
