import "server-only";
import { env } from "@/lib/env";
import { upstream, type UpstreamInit, type UpstreamResponse } from "@/lib/platforms/http";
import { PlatformError, type ConnectionContext } from "@/lib/platforms/types";
import type { OAuth2Credentials } from "./types";

// The one typed fetch for the generic OAuth2 provider: injects the bearer token and maps failures onto
// PlatformError kinds, so nothing outside this folder knows the provider's status codes or error fields.

const TIMEOUT_MS = 10_000;

export function providerUrl(ctx?: ConnectionContext<OAuth2Credentials>): string {
  const base = ctx?.connection.baseUrl ?? env.OAUTH2_PROVIDER_URL;
  if (!base) throw new PlatformError("not_supported", "No OAuth2 provider is configured (set OAUTH2_PROVIDER_URL).");
  return base.replace(/\/+$/, "");
}

export function clientCredentials(): { id: string; secret: string } {
  if (!env.OAUTH2_CLIENT_ID || !env.OAUTH2_CLIENT_SECRET) {
    throw new PlatformError("not_supported", "OAUTH2_CLIENT_ID and OAUTH2_CLIENT_SECRET are not set.");
  }
  return { id: env.OAUTH2_CLIENT_ID, secret: env.OAUTH2_CLIENT_SECRET };
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date), or undefined. */
export function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const n = Number(header);
  if (Number.isFinite(n)) return Math.max(0, Math.ceil(n));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

export async function send(url: string, init: UpstreamInit = {}): Promise<UpstreamResponse> {
  try {
    return await upstream(url, { ...init, timeoutMs: TIMEOUT_MS });
  } catch (error) {
    throw new PlatformError(
      "unavailable",
      `The OAuth2 provider did not answer (${error instanceof PlatformError ? error.message : "network error"}).`,
    );
  }
}

const ok = (response: UpstreamResponse) => response.status >= 200 && response.status < 300;

async function jsonOf<T>(response: UpstreamResponse): Promise<T | null> {
  try {
    return JSON.parse(await response.text()) as T;
  } catch {
    return null;
  }
}

type ErrorBody = { error?: string; error_description?: string };

async function errorOf(response: UpstreamResponse): Promise<PlatformError> {
  const body = (await jsonOf<ErrorBody>(response)) ?? {};
  const detail = body.error
    ? `${body.error}${body.error_description ? `: ${body.error_description}` : ""}`
    : `HTTP ${response.status}`;
  const retry = retryAfterSeconds(response.header("retry-after"));
  if (response.status === 401 || body.error === "invalid_grant" || body.error === "invalid_client") {
    return new PlatformError("unauthorized", detail, response.status);
  }
  if (response.status === 403) return new PlatformError("forbidden", detail, 403);
  if (response.status === 404) return new PlatformError("not_found", detail, 404);
  if (response.status === 409) return new PlatformError("conflict", detail, 409);
  if (response.status === 429) return new PlatformError("rate_limited", detail, 429, retry ?? 1);
  if (response.status >= 500) return new PlatformError("unavailable", detail, response.status, retry);
  return new PlatformError("invalid", detail, response.status);
}

/** GET/POST a resource path with the connection's access token; throws PlatformError on failure. */
export async function resource<T>(ctx: ConnectionContext<OAuth2Credentials>, path: string): Promise<T> {
  const response = await send(`${providerUrl(ctx)}${path}`, {
    headers: { authorization: `Bearer ${ctx.credentials.accessToken}`, accept: "application/json" },
  });
  if (!ok(response)) throw await errorOf(response);
  const body = await jsonOf<T>(response);
  if (body === null)
    throw new PlatformError("unavailable", "The provider answered with something that is not JSON.", response.status);
  return body;
}

/** POST /oauth/token with the app's client credentials (HTTP Basic, RFC 6749 §2.3.1). */
export async function tokenRequest(form: Record<string, string>, base = providerUrl()): Promise<TokenResponse> {
  const client = clientCredentials();
  const basic = Buffer.from(`${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`).toString("base64");
  const response = await send(`${base}/oauth/token`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(form).toString(),
  });
  if (!ok(response)) throw await errorOf(response);
  const body = await jsonOf<TokenResponse>(response);
  if (!body?.access_token) throw new PlatformError("unavailable", "The token endpoint answered without an access_token.");
  return body;
}

export type TokenResponse = {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  scope?: string;
};
