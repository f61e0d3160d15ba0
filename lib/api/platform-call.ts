import "server-only";
import type { Context } from "hono";
import { reauthorizeLink } from "@/lib/connections/reauthorize";
import { noteTokenUse } from "@/lib/connections/unified-tokens";
import { CredentialsUnavailable, withFreshCredentials } from "@/lib/connections/with-credentials";
import type { ConnectionContext, PlatformAdapter } from "@/lib/platforms/types";
import type { ApiEnv } from "./context";
import { ApiError } from "./errors";

// A route's call to the store's platform: fresh credentials, the adapter, and the lifecycle's one
// renew-on-401 rule (lib/connections/with-credentials). A connection Storelink cannot use becomes the
// problem a client can act on (re-authorize, disconnected, retry later).

function credentialsFailure(error: CredentialsUnavailable, connectionId: string): ApiError {
  switch (error.reason) {
    case "needs_reauth":
      return new ApiError("needs_reauth", error.message, { fields: { reauthorizeUrl: reauthorizeLink(connectionId) } });
    case "revoked":
      return new ApiError("connection_revoked", error.message);
    case "not_found":
      return new ApiError("unauthorized", "The token's store no longer exists.");
    case "unavailable":
      return new ApiError("upstream_unavailable", error.message, { retryAfterSeconds: error.retryAfterSeconds });
  }
}

export async function onPlatform<T>(
  c: Context<ApiEnv>,
  call: (adapter: PlatformAdapter, ctx: ConnectionContext) => Promise<T>,
): Promise<T> {
  const caller = c.get("caller");
  // "Last used" is written at most once a minute per token, off the response path.
  void noteTokenUse({ id: caller.tokenId, connectionId: caller.connectionId, lastUsedAt: caller.lastUsedAt }).catch(
    () => undefined,
  );
  try {
    return await withFreshCredentials(caller.connection, call);
  } catch (error) {
    throw error instanceof CredentialsUnavailable ? credentialsFailure(error, caller.connectionId) : error;
  }
}
