import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { credentialsFromTokens, oauth2Adapter } from "@/lib/platforms/oauth2/adapter";
import { providerUrl, tokenRequest } from "@/lib/platforms/oauth2/transport";
import { PlatformError } from "@/lib/platforms/types";
import { credentialColumns } from "@/lib/connections/credentials";
import { CONNECT_FAILURES, type ConnectFailure } from "@/lib/connections/connect-outcome";
import { recordConnectionEvent } from "@/lib/connections/events";
import { nextCheckAt } from "@/lib/connections/policy";
import { safeEqual } from "@/lib/security/compare";
import { signValue, verifyValue } from "@/lib/security/signed-values";
import { mintUnifiedToken } from "@/lib/connections/unified-tokens";

// Connecting (or re-authorizing) a store on the generic OAuth2 provider: authorization code flow with a
// nonce in a signed, short-lived cookie; one server-side code exchange; upsert by shop id, so a store
// connected again keeps its connection id and unified tokens.

export const OAUTH2_STATE_COOKIE = "storelink_oauth2_state";
export const OAUTH2_STATE_TTL_MS = 10 * 60_000;
const SCOPE = "read write";

/** A connect flow's failure: a code the result pages turn into text, and details for the server log only. */
export class ConnectError extends Error {
  override name = "ConnectError";
  constructor(
    readonly code: ConnectFailure,
    readonly detail?: string,
  ) {
    super(CONNECT_FAILURES[code]);
  }
}

export const oauth2RedirectUri = () => `${env.APP_URL}/api/oauth2/callback`;

export function oauth2Configured(): boolean {
  return !!(env.OAUTH2_PROVIDER_URL && env.OAUTH2_CLIENT_ID && env.OAUTH2_CLIENT_SECRET);
}

/** The provider's authorize URL and the signed cookie that must come back with its `state`. */
export function startOAuth2Connect(options: { reauthorizeId?: string; actorId?: string | null; connectSessionId?: string } = {}) {
  if (!oauth2Configured())
    throw new ConnectError("not_configured", "set OAUTH2_PROVIDER_URL, OAUTH2_CLIENT_ID and OAUTH2_CLIENT_SECRET");
  const nonce = randomBytes(24).toString("base64url");
  const url = new URL(`${providerUrl()}/oauth/authorize`);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: env.OAUTH2_CLIENT_ID!,
    redirect_uri: oauth2RedirectUri(),
    scope: SCOPE,
    state: nonce,
  }).toString();
  const cookie = signValue(
    "oauth2-state",
    {
      nonce,
      reauthorizeId: options.reauthorizeId ?? null,
      actorId: options.actorId ?? null,
      connectSessionId: options.connectSessionId ?? null,
    },
    OAUTH2_STATE_TTL_MS,
  );
  return { authorizeUrl: url.toString(), cookie };
}

/** `connectSessionId`: the flow runs for an integrator's connect session (no admin; the app's exchange mints its token). */
type StatePayload = { nonce: string; reauthorizeId: string | null; actorId: string | null; connectSessionId?: string | null };

/** The connect session a (valid) state cookie's flow runs for, if any: where a failed callback goes back to. */
export const connectSessionOfState = (cookie: string | undefined) =>
  verifyValue<StatePayload>("oauth2-state", cookie)?.connectSessionId ?? null;

export async function completeOAuth2Connect(input: {
  code: string | null;
  state: string | null;
  error: string | null;
  cookie: string | undefined;
}) {
  const saved = verifyValue<StatePayload>("oauth2-state", input.cookie);
  if (!saved || !input.state || !safeEqual(saved.nonce, input.state)) {
    throw new ConnectError("link_expired");
  }
  if (input.error)
    throw input.error === "access_denied"
      ? new ConnectError("declined")
      : new ConnectError("provider_error", `the provider answered error=${input.error.slice(0, 100)}`);
  if (!input.code) throw new ConnectError("no_code");

  const now = new Date();
  const tokens = await tokenRequest({
    grant_type: "authorization_code",
    code: input.code,
    redirect_uri: oauth2RedirectUri(),
  }).catch((error: unknown) => {
    throw new ConnectError("exchange_failed", error instanceof PlatformError ? error.message : "network error");
  });
  const granted = credentialsFromTokens(tokens, null, now);
  const baseUrl = providerUrl();
  const shop = await oauth2Adapter.getStore({
    connection: { id: "pending", platform: "OAUTH2", externalId: "", baseUrl, scopes: [], metadata: {} },
    credentials: granted.credentials,
  });

  const existing = saved.reauthorizeId
    ? await db.connection.findUnique({
        where: { id: saved.reauthorizeId },
        select: { id: true, platform: true, externalId: true, status: true },
      })
    : await db.connection.findUnique({
        where: { platform_externalId: { platform: "OAUTH2", externalId: shop.id } },
        select: { id: true, platform: true, externalId: true, status: true },
      });
  if (saved.reauthorizeId && (!existing || existing.platform !== "OAUTH2")) throw new ConnectError("connection_gone");
  if (existing && existing.externalId !== shop.id)
    throw new ConnectError("wrong_shop", `the provider signed in as shop ${shop.id}`);

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
    nextCheckAt: nextCheckAt(
      { accessExpiresAt: granted.accessExpiresAt, refreshExpiresAt: granted.refreshExpiresAt ?? null, lastRefreshAt: now },
      false,
      now,
    ),
    metadata: { shopName: shop.name },
  };

  if (existing) {
    await db.connection.update({
      where: { id: existing.id },
      data: { ...lifecycle, ...credentialColumns(existing.id, granted.credentials) },
    });
    await recordConnectionEvent(
      existing.id,
      "reauthorized",
      `Re-authorized on the OAuth2 provider as “${shop.name}”; unified tokens unchanged`,
      { actorId: saved.actorId, data: { previousStatus: existing.status } },
    );
    // A store disconnected earlier has no live token left: give it one (shown once). A connect session's
    // app gets its own token at the exchange instead.
    const live = await db.unifiedToken.count({ where: { connectionId: existing.id, revokedAt: null } });
    const minted = live === 0 && !saved.connectSessionId ? await mintUnifiedToken(existing.id, { actorId: saved.actorId }) : null;
    return {
      connectionId: existing.id,
      created: false,
      token: minted?.token ?? null,
      byAdmin: !!saved.actorId,
      storeName: shop.name,
      connectSessionId: saved.connectSessionId ?? null,
    };
  }

  const created = await db.connection.create({
    data: { platform: "OAUTH2", externalId: shop.id, ...lifecycle },
    select: { id: true },
  });
  await db.connection.update({ where: { id: created.id }, data: credentialColumns(created.id, granted.credentials) });
  await recordConnectionEvent(created.id, "connected", `Connected to the OAuth2 provider as “${shop.name}”`, {
    actorId: saved.actorId,
  });
  const minted = saved.connectSessionId ? null : await mintUnifiedToken(created.id, { actorId: saved.actorId });
  return {
    connectionId: created.id,
    created: true,
    token: minted?.token ?? null,
    byAdmin: !!saved.actorId,
    storeName: shop.name,
    connectSessionId: saved.connectSessionId ?? null,
  };
}
