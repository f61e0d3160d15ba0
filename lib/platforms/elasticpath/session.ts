import "server-only";
import { PlatformError, type ConnectionContext } from "@/lib/platforms/types";
import type { EpAuth } from "./api";
import type { EpCredentials } from "./types";

// Every server-side Elastic Path call goes through here: credentials come from the lifecycle engine
// (freshCredentials: single-flight, advisory lock, persisted before use), never from a second cache.
// A 401 means the token died early (key deleted, revoked): re-mint once and retry once.

// Loaded lazily: fresh-credentials → registry → this adapter would otherwise be an import cycle.
const lifecycle = () => import("@/lib/connections/fresh-credentials");

type Fresh = Awaited<ReturnType<Awaited<ReturnType<typeof lifecycle>>["freshCredentials"]>>;

function failure(result: Extract<Fresh, { ok: false }>): PlatformError {
  if (result.reason === "not_found") return new PlatformError("not_found", result.message);
  if (result.reason === "unavailable") return new PlatformError("unavailable", result.message, undefined, result.retryAfterSeconds);
  return new PlatformError("unauthorized", result.message);
}

function authOf(ctx: ConnectionContext<EpCredentials>): EpAuth {
  if (!ctx.connection.baseUrl) throw new PlatformError("invalid", "This Elastic Path connection has no base URL.");
  return { baseUrl: ctx.connection.baseUrl, token: ctx.credentials.accessToken };
}

/** Runs `call` with the context's token; on 401 gets a re-minted token (once) and retries once. */
export async function withToken<T>(ctx: ConnectionContext<EpCredentials>, call: (auth: EpAuth) => Promise<T>): Promise<T> {
  const auth = authOf(ctx);
  try {
    return await call(auth);
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== "unauthorized") throw error;
    const { freshCredentials } = await lifecycle();
    // Someone may already have re-minted since our token was read: use theirs before forcing another.
    let fresh = await freshCredentials<EpCredentials>(ctx.connection.id);
    if (fresh.ok && fresh.context.credentials.accessToken === auth.token) fresh = await freshCredentials<EpCredentials>(ctx.connection.id, { force: true });
    if (!fresh.ok) throw failure(fresh);
    return call(authOf(fresh.context));
  }
}

/** Fresh credentials for an Elastic Path connection, then `call` with the 401 retry. */
export async function withElasticPath<T>(connectionId: string, call: (auth: EpAuth, ctx: ConnectionContext<EpCredentials>) => Promise<T>): Promise<T> {
  const { freshCredentials } = await lifecycle();
  const fresh = await freshCredentials<EpCredentials>(connectionId);
  if (!fresh.ok) throw failure(fresh);
  if (fresh.context.connection.platform !== "ELASTICPATH") throw new PlatformError("not_found", "Not an Elastic Path connection.");
  return withToken(fresh.context, (auth) => call(auth, fresh.context));
}
