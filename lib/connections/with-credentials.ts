import "server-only";
import { adapterFor } from "@/lib/platforms/registry";
import { PlatformError, type ConnectionContext, type PlatformAdapter } from "@/lib/platforms/types";
import { freshCredentials, REVOKED, type CredentialRow, type FreshCredentialsResult } from "./fresh-credentials";
import { markNeedsReauth } from "./status";

// The one rule for a platform that rejects Storelink's access token mid-call, used by the unified API,
// the admin pages and the key-management actions alike:
// - a renewable token (client credentials, OAuth2) is renewed once and the call retried once; a renewal
//   that another caller or instance finished after the rejected token was issued counts as that renewal;
// - a fixed token (Ecwid) is checked again by an independent call (the adapter's health check): one
//   refused call is not proof, since Ecwid also answers 403 for a missing scope;
// - only a rejection that survives that second look marks the connection NEEDS_REAUTH.
// A persistent 401 therefore costs two upstream calls and one renewal, never more.

export type CredentialsFailureReason = Exclude<FreshCredentialsResult, { ok: true }>["reason"];

/** Storelink has no usable credentials for the connection (the caller maps the reason to its own error). */
export class CredentialsUnavailable extends Error {
  override name = "CredentialsUnavailable";
  constructor(
    readonly reason: CredentialsFailureReason,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const unavailable = (result: Exclude<FreshCredentialsResult, { ok: true }>) =>
  new CredentialsUnavailable(result.reason, result.message, result.retryAfterSeconds);

const rejected = (error: unknown): error is PlatformError => error instanceof PlatformError && error.kind === "unauthorized";

export async function withFreshCredentials<T, C = Record<string, unknown>>(
  connection: string | CredentialRow,
  call: (adapter: PlatformAdapter<C>, ctx: ConnectionContext<C>) => Promise<T>,
): Promise<T> {
  const connectionId = typeof connection === "string" ? connection : connection.id;
  const fresh = await freshCredentials<C>(connectionId, typeof connection === "string" ? {} : { row: connection });
  if (!fresh.ok) throw unavailable(fresh);
  const adapter = adapterFor(fresh.context.connection.platform) as unknown as PlatformAdapter<C>;
  try {
    return await call(adapter, fresh.context);
  } catch (error) {
    if (!rejected(error)) throw error;
    if (!adapter.renew) {
      if (await stillAccepted(adapter, fresh.context)) throw new PlatformError("forbidden", error.message, error.upstreamStatus);
      return needsReauth(connectionId, error);
    }
    const renewedSince = new Date((fresh.renewedAt?.getTime() ?? -1) + 1);
    const again = await freshCredentials<C>(connectionId, { force: true, renewedSince });
    if (!again.ok) throw unavailable(again);
    try {
      return await call(adapter, again.context);
    } catch (retryError) {
      if (!rejected(retryError)) throw retryError;
      return needsReauth(connectionId, retryError);
    }
  }
}

/** The independent second look for fixed tokens: false only when the platform rejects the token again. */
async function stillAccepted<C>(adapter: PlatformAdapter<C>, ctx: ConnectionContext<C>): Promise<boolean> {
  try {
    await adapter.healthCheck(ctx);
    return true;
  } catch (error) {
    if (rejected(error)) return false;
    throw error;
  }
}

async function needsReauth(connectionId: string, error: PlatformError): Promise<never> {
  if (!(await markNeedsReauth(connectionId, `the platform rejected the credentials (${error.message})`)))
    throw new CredentialsUnavailable("revoked", REVOKED.message);
  throw new CredentialsUnavailable("needs_reauth", "The platform rejected Storelink's credentials: the store must re-authorize.");
}
