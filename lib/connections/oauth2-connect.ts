import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { credentialsFromTokens, oauth2Adapter } from "@/lib/platforms/oauth2/adapter";
import { providerUrl, tokenRequest } from "@/lib/platforms/oauth2/transport";
import { PlatformError } from "@/lib/platforms/types";
import { credentialColumns } from "./credentials";
import { recordConnectionEvent } from "./events";
import { nextCheckAt } from "./policy";
import { signValue, verifyValue } from "./signed-value";
import { mintUnifiedToken } from "./unified-tokens";

// Connecting (or re-authorizing) a store on the generic OAuth2 provider: authorization code flow with a
// nonce in a signed, short-lived cookie; one server-side code exchange; upsert by shop id, so a store
// connected again keeps its connection id and unified tokens.

export const OAUTH2_STATE_COOKIE = "storelink_oauth2_state";
export const OAUTH2_STATE_TTL_MS = 10 * 60_000;
const SCOPE = "read write";

export class ConnectError extends Error {
  override name = "ConnectError";
}

export const oauth2RedirectUri = () => `${env.APP_URL}/api/oauth2/callback`;

export function oauth2Configured(): boolean {
  return !!(env.OAUTH2_PROVIDER_URL && env.OAUTH2_CLIENT_ID && env.OAUTH2_CLIENT_SECRET);
}

/** The provider's authorize URL and the signed cookie that must come back with its `state`. */
export function startOAuth2Connect(options: { reauthorizeId?: string; actorId?: string | null } = {}) {
  if (!oauth2Configured()) throw new ConnectError("The generic OAuth2 provider is not configured (OAUTH2_PROVIDER_URL, OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET).");
  const nonce = randomBytes(24).toString("base64url");
  const url = new URL(`${providerUrl()}/oauth/authorize`);
  url.search = new URLSearchParams({ response_type: "code", client_id: env.OAUTH2_CLIENT_ID!, redirect_uri: oauth2RedirectUri(), scope: SCOPE, state: nonce }).toString();
  const cookie = signValue("oauth2-state", { nonce, reauthorizeId: options.reauthorizeId ?? null, actorId: options.actorId ?? null }, OAUTH2_STATE_TTL_MS);
  return { authorizeUrl: url.toString(), cookie };
}

type StatePayload = { nonce: string; reauthorizeId: string | null; actorId: string | null };

export async function completeOAuth2Connect(input: { code: string | null; state: string | null; error: string | null; cookie: string | undefined }) {
  const saved = verifyValue<StatePayload>("oauth2-state", input.cookie);
  if (!saved || !input.state || !safeEqual(saved.nonce, input.state)) {
    throw new ConnectError("This sign-in link expired or was not started here. Start connecting again.");
  }
  if (input.error) throw new ConnectError(input.error === "access_denied" ? "The store owner declined the authorization." : `The provider answered: ${input.error}.`);
  if (!input.code) throw new ConnectError("The provider did not send an authorization code.");

  const now = new Date();
  const tokens = await tokenRequest({ grant_type: "authorization_code", code: input.code, redirect_uri: oauth2RedirectUri() }).catch((error: unknown) => {
    throw new ConnectError(`The authorization code could not be exchanged (${error instanceof PlatformError ? error.message : "network error"}).`);
  });
  const granted = credentialsFromTokens(tokens, null, now);
  const baseUrl = providerUrl();
  const shop = await oauth2Adapter.getStore({
    connection: { id: "pending", platform: "OAUTH2", externalId: "", baseUrl, scopes: [], metadata: {} },
    credentials: granted.credentials,
  });

  const existing = saved.reauthorizeId
    ? await db.connection.findUnique({ where: { id: saved.reauthorizeId }, select: { id: true, platform: true, externalId: true, status: true } })
    : await db.connection.findUnique({ where: { platform_externalId: { platform: "OAUTH2", externalId: shop.id } }, select: { id: true, platform: true, externalId: true, status: true } });
  if (saved.reauthorizeId && (!existing || existing.platform !== "OAUTH2")) throw new ConnectError("The connection to re-authorize no longer exists.");
  if (existing && existing.externalId !== shop.id) {
    throw new ConnectError(`This link re-authorizes a different shop; the provider signed in as “${shop.name}”. Choose the right shop and try again.`);
  }

  const lifecycle = {
    displayName: shop.name,
    baseUrl,
    scopes: granted.scopes ?? SCOPE.split(" "),
    status: "ACTIVE" as const,
    accessExpiresAt: granted.accessExpiresAt,
    refreshExpiresAt: granted.refreshExpiresAt ?? null,
    lastRefreshAt: now,
    lastError: null,
    consecutiveFailures: 0,
    cooldownUntil: null,
    nextCheckAt: nextCheckAt({ accessExpiresAt: granted.accessExpiresAt, refreshExpiresAt: granted.refreshExpiresAt ?? null, lastRefreshAt: now }, false, now),
    metadata: { shopName: shop.name },
  };

  if (existing) {
    await db.connection.update({ where: { id: existing.id }, data: { ...lifecycle, ...credentialColumns(existing.id, granted.credentials) } });
    await recordConnectionEvent(existing.id, "reauthorized", `Re-authorized on the OAuth2 provider as “${shop.name}”; unified tokens unchanged`, { actorId: saved.actorId });
    // A store disconnected earlier has no live token left: give it one (shown once).
    const live = await db.unifiedToken.count({ where: { connectionId: existing.id, revokedAt: null } });
    const minted = live === 0 ? await mintUnifiedToken(existing.id, { actorId: saved.actorId }) : null;
    return { connectionId: existing.id, created: false, token: minted?.token ?? null, byAdmin: !!saved.actorId, storeName: shop.name };
  }

  const created = await db.connection.create({ data: { platform: "OAUTH2", externalId: shop.id, ...lifecycle }, select: { id: true } });
  await db.connection.update({ where: { id: created.id }, data: credentialColumns(created.id, granted.credentials) });
  await recordConnectionEvent(created.id, "connected", `Connected to the OAuth2 provider as “${shop.name}”`, { actorId: saved.actorId });
  const minted = await mintUnifiedToken(created.id, { actorId: saved.actorId });
  return { connectionId: created.id, created: true, token: minted.token, byAdmin: !!saved.actorId, storeName: shop.name };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
