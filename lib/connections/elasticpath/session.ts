import "server-only";
import { authOf } from "@/lib/platforms/elasticpath/adapter";
import type { EpAuth } from "@/lib/platforms/elasticpath/api";
import type { EpCredentials } from "@/lib/platforms/elasticpath/types";
import { PlatformError, type ConnectionContext } from "@/lib/platforms/types";
import { CredentialsUnavailable, withFreshCredentials } from "../with-credentials";

// Server-side Elastic Path calls of the admin pages and key-management actions: fresh credentials from the
// lifecycle (single-flight, advisory lock, persisted before use) and its one renew-on-401 rule.

/** Runs `call` with an Elastic Path connection's token; failures arrive as PlatformError for explain(). */
export async function withElasticPath<T>(
  connectionId: string,
  call: (auth: EpAuth, ctx: ConnectionContext<EpCredentials>) => Promise<T>,
): Promise<T> {
  try {
    return await withFreshCredentials<T, EpCredentials>(connectionId, async (adapter, ctx) => {
      if (adapter.platform !== "ELASTICPATH") throw new PlatformError("not_found", "Not an Elastic Path connection.");
      return call(authOf(ctx), ctx);
    });
  } catch (error) {
    if (!(error instanceof CredentialsUnavailable)) throw error;
    if (error.reason === "not_found") throw new PlatformError("not_found", error.message);
    if (error.reason === "unavailable") throw new PlatformError("unavailable", error.message, undefined, error.retryAfterSeconds);
    throw new PlatformError("unauthorized", error.message);
  }
}
