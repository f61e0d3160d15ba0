import "server-only";
import { pruneIdempotentRequests } from "@/lib/api/idempotency";
import { pruneByRetention } from "@/lib/requests/prune";
import { forgetOldOAuthCodes } from "@/lib/connections/ecwid/oauth-codes";

// Periodic clean-up, run by the scheduler on every instance: each domain prunes its own tables. Deleting
// old rows is idempotent, so instances need no coordination for it.

export const HOUSEKEEPING_EVERY_MS = 60 * 60_000;

export async function runHousekeeping(now = new Date()): Promise<void> {
  await pruneByRetention(now);
  await pruneIdempotentRequests(now);
  await forgetOldOAuthCodes(now);
}
