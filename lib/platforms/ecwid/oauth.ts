import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { upstream, type UpstreamResponse, type UpstreamSend } from "@/lib/platforms/http";
import { PlatformError } from "@/lib/platforms/types";
import type { EcwidProfile } from "./ecwid-types";
import { ecwidFetch, DEFAULT_TIMEOUT_MS } from "./transport";

// Ecwid's OAuth install (platform-facts §1): authorize with the scopes, then exchange the single-use code
// exactly once, server-side, as a POST form body so the client_secret never sits in a URL or a log.

export const CALLBACK_PATH = "/api/ecwid/oauth/callback";

export type EcwidAppConfig = { clientId: string; clientSecret: string };

/** The app's credentials, or null when ECWID_CLIENT_ID / ECWID_CLIENT_SECRET are not configured. */
export function ecwidAppConfig(): EcwidAppConfig | null {
  const clientId = env.ECWID_CLIENT_ID;
  const clientSecret = env.ECWID_CLIENT_SECRET;
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

/**
 * The callback URL. A flow's nonce rides in its path (a sub-path of the registered URL is allowed,
 * platform-facts §1), so the callback is bound to its flow even if Ecwid does not echo `state`, which it
 * does not document. Without a nonce: the URL App Market installs come back to.
 */
export const redirectUri = (nonce?: string) => `${env.APP_URL}${CALLBACK_PATH}${nonce ? `/${encodeURIComponent(nonce)}` : ""}`;

export function authorizeUrl(clientId: string, state: string): string {
  const url = new URL(`${env.ECWID_OAUTH_BASE_URL}/api/oauth/authorize`);
  url.searchParams.set("client_id", clientId);
  url.searchParams.set("redirect_uri", redirectUri(state));
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", env.ECWID_SCOPES.join(" "));
  url.searchParams.set("state", state);
  return url.toString();
}

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1).max(512),
  token_type: z.string().refine((t) => t.toLowerCase() === "bearer", "token_type must be bearer"),
  scope: z.string().max(2000),
  store_id: z.number().int().positive(),
  email: z.string().max(320).optional(),
  public_token: z.string().min(1).max(512).optional(),
});

export type EcwidGrant = {
  storeId: number;
  accessToken: string;
  publicToken: string | null;
  scopes: string[];
  email: string | null;
};

/** Exchanges the code; throws PlatformError with a message safe to show (never the platform's body). */
/** `redirect` must be the redirect_uri the authorization used (Ecwid compares them). */
export async function exchangeCode(
  app: EcwidAppConfig,
  code: string,
  send: UpstreamSend = upstream,
  redirect = redirectUri(),
): Promise<EcwidGrant> {
  const body = new URLSearchParams({
    client_id: app.clientId,
    client_secret: app.clientSecret,
    code,
    redirect_uri: redirect,
    grant_type: "authorization_code",
  });
  let res: UpstreamResponse;
  let text: string;
  try {
    res = await send(`${env.ECWID_OAUTH_BASE_URL}/api/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: body.toString(),
      timeoutMs: DEFAULT_TIMEOUT_MS,
    });
    text = await res.text();
  } catch {
    throw new PlatformError("unavailable", "Could not reach Ecwid to finish the installation.");
  }
  if (res.status < 200 || res.status > 299) {
    const kind = res.status >= 500 ? "unavailable" : res.status === 429 ? "rate_limited" : "unauthorized";
    throw new PlatformError(kind, "Ecwid refused the installation code (it may have expired or been used already).", res.status);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PlatformError("unavailable", "Ecwid answered the token request with something that is not JSON.", res.status);
  }
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success) throw new PlatformError("invalid", "Ecwid's token answer is missing fields Storelink needs.", res.status);
  const t = parsed.data;
  return {
    storeId: t.store_id,
    accessToken: t.access_token,
    publicToken: t.public_token ?? null,
    scopes: t.scope.split(/[ ,]+/).filter(Boolean),
    email: t.email ?? null,
  };
}

/** The store profile read with a token: proves the token works and names the store. */
export function fetchProfile(storeId: number | string, token: string): Promise<EcwidProfile> {
  return ecwidFetch<EcwidProfile>({ storeId, token, path: "/profile" });
}

/**
 * Proves a token is the store's *secret* token, not its public one: GET /profile answers both (it proves
 * only that the token belongs to the store), while app storage is private to the app and is not among
 * the calls a public token may make (platform-facts §1 "Public token"). Throws PlatformError.
 */
export async function proveSecretToken(storeId: number | string, token: string): Promise<void> {
  await ecwidFetch<unknown>({ storeId, token, path: "/storage" });
}

/**
 * Cancels the app's subscription in the store: Ecwid revokes all of the app's tokens, uninstalls it and
 * sends application.uninstalled (EDOC cancel-app-subscription). Needs update_store_profile. Throws PlatformError.
 */
export async function uninstallApplication(storeId: number | string, token: string, clientId: string): Promise<void> {
  await ecwidFetch<unknown>({ storeId, token, method: "DELETE", path: "/application", query: { namespace: clientId } });
}

const tokenInfoSchema = z.object({ permissions: z.union([z.array(z.string().max(100)).max(200), z.string().max(5000)]) });

/**
 * The scopes of a token: GET /application/token answers {permissions, created, expires} (Ecwid's Java API
 * client, ApplicationTokenInfoRequest; platform-facts §0). Control Panel payloads carry no scopes, so this
 * is how Storelink learns what a payload's token may do. Throws PlatformError.
 */
export async function fetchTokenScopes(storeId: number | string, token: string): Promise<string[]> {
  const parsed = tokenInfoSchema.safeParse(await ecwidFetch<unknown>({ storeId, token, path: "/application/token" }));
  if (!parsed.success) throw new PlatformError("invalid", "Ecwid's token information has no permissions list.");
  const p = parsed.data.permissions;
  return Array.isArray(p) ? p : p.split(/[ ,]+/).filter(Boolean);
}
