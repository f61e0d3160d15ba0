import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { credentialColumns } from "@/lib/connections/credentials";
import { recordConnectionEvent } from "@/lib/connections/events";
import { mintUnifiedToken } from "@/lib/connections/unified-tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { listKeys } from "@/lib/platforms/elasticpath/api";
import { PlatformError } from "@/lib/platforms/types";
import { checkOutboundUrl, OutboundUrlError } from "@/lib/security/outbound-url";
import { verifyKey } from "./connection";
import { connectionHoldingAnyKey, elasticPathExternalId } from "./identity";

// Connecting an Elastic Path store with an application key, for an admin in the dashboard or a merchant on
// an integrator's hosted connect page: the key is verified (a client_credentials token is minted) before
// anything is saved, so wrong credentials or an unreachable host save nothing.

export type ElasticPathConnectInput = {
  name: string;
  region: string;
  customBaseUrl?: string;
  clientId: string;
  clientSecret: string;
};

/** Why nothing was saved, in words for the person who typed the key (never a platform's own text). */
export class ConnectRefused extends Error {
  override name = "ConnectRefused";
}

/**
 * One answer for every custom URL Storelink refuses or cannot reach: telling "refused" from "unreachable"
 * from "answered 404" would let an admin map the network Storelink runs in.
 */
const CUSTOM_URL_REFUSED =
  "Storelink can't connect to that API base URL. Use the public https:// API base URL shown in Commerce Manager (Application Keys). Nothing was saved.";

/** A configured region's URL as is; a custom one only if it is https and resolves to public addresses now. */
async function baseUrlFor(region: string, custom: string | undefined): Promise<{ baseUrl: string; custom: boolean }> {
  const known = env.ELASTICPATH_BASE_URLS.find((r) => r.name === region);
  if (known) return { baseUrl: known.url, custom: false };
  if (region !== "custom") throw new ConnectRefused("Choose one of the listed regions or a custom base URL.");
  try {
    const url = await checkOutboundUrl(custom ?? "", { allowPrivateHosts: env.STORELINK_ALLOW_PRIVATE_HOSTS });
    return { baseUrl: url.origin + url.pathname.replace(/\/+$/, ""), custom: true };
  } catch (error) {
    if (error instanceof OutboundUrlError) {
      console.info(`[elasticpath-connect] custom base URL refused: ${error.reason} (${error.message})`);
      throw new ConnectRefused(CUSTOM_URL_REFUSED);
    }
    throw error;
  }
}

/** The store's application keys (first 500): what tells this store apart from others at the same host. */
async function keysOfStore(auth: { baseUrl: string; token: string }): Promise<{ id: string; clientId: string }[]> {
  const keys: { id: string; clientId: string }[] = [];
  for (let offset = 0; offset < 500; offset += 100) {
    const page = await listKeys(auth, offset, 100).catch(() => null);
    keys.push(...(page?.data ?? []).map((k) => ({ id: k.id, clientId: k.client_id })));
    if (!page || page.data.length < 100) break;
  }
  return keys;
}

export type ElasticPathConnectResult = {
  connectionId: string;
  displayName: string;
  unifiedToken: string | null;
  created: boolean;
};

/**
 * Verifies the key and saves a new connection. The same store connected before (Storelink holds one of its
 * keys) is refused for an admin, who should open it; on a connect page (`attachExisting`) the merchant has just
 * proved they hold a working key of that store, so the existing connection is used as it is (its key unchanged).
 */
export async function connectElasticPath(
  input: ElasticPathConnectInput,
  by: { actor: { id: string; email: string } | null; mintToken: boolean; attachExisting: boolean },
): Promise<ElasticPathConnectResult> {
  // Checked here, at connect time, right before the first request (names resolved now, not when typed).
  const { baseUrl, custom } = await baseUrlFor(input.region, input.customBaseUrl);
  const host = new URL(baseUrl).host;
  let verified: Awaited<ReturnType<typeof verifyKey>>;
  try {
    verified = await verifyKey(baseUrl, input.clientId, input.clientSecret);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    if (error.kind === "unauthorized" || error.kind === "invalid")
      throw new ConnectRefused(
        "Elastic Path rejected this client_id and client_secret. Copy them again from Commerce Manager (Application Keys) and check the region. Nothing was saved.",
      );
    if (custom) throw new ConnectRefused(CUSTOM_URL_REFUSED);
    throw new ConnectRefused(
      `Could not reach Elastic Path at ${host}: ${error.message} Check the region or base URL. Nothing was saved.`,
    );
  }
  const auth = { baseUrl, token: verified.credentials.accessToken };
  // Elastic Path names no store to a key: the admin names it, base URL + client_id identify the connection,
  // and the store's key list tells whether Storelink already holds a key of this store.
  const keys = await keysOfStore(auth);
  const keyId = keys.find((k) => k.clientId === input.clientId)?.id ?? null;
  const existing = await connectionHoldingAnyKey(baseUrl, [input.clientId, ...keys.map((k) => k.clientId)]);
  if (existing && by.attachExisting)
    return { connectionId: existing.id, displayName: existing.displayName, unifiedToken: null, created: false };
  if (existing)
    throw new ConnectRefused(
      `This Elastic Path store is already connected as “${existing.displayName}” (Storelink holds one of its application keys). Open it from the stores list instead; to move it to this key, use “Rotate connection credentials” there. Nothing was saved.`,
    );
  const externalId = elasticPathExternalId(baseUrl, input.clientId);
  const region = env.ELASTICPATH_BASE_URLS.find((r) => r.url === baseUrl)?.name ?? null;
  const actorId = by.actor?.id ?? null;

  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.connection.create({
        data: {
          platform: "ELASTICPATH",
          externalId,
          displayName: input.name,
          baseUrl,
          accessExpiresAt: verified.accessExpiresAt,
          lastRefreshAt: new Date(),
          metadata: { keyId, region, storeName: input.name },
        },
        select: { id: true },
      });
      // The ciphertext is bound to the row id, so it is written once the id exists.
      await tx.connection.update({ where: { id: row.id }, data: credentialColumns(row.id, verified.credentials) });
      await recordConnectionEvent(
        row.id,
        "connected",
        `Elastic Path store connected at ${host}`,
        { actorId, data: { keyId } },
        tx,
      );
      return { id: row.id, unified: by.mintToken ? await mintUnifiedToken(row.id, { actorId }, tx) : null };
    });
    await recordAudit({
      action: "connection.connected",
      actorId,
      actorEmail: by.actor?.email ?? "merchant",
      targetType: "connection",
      targetId: created.id,
      data: { platform: "ELASTICPATH", externalId, host, keyId },
    });
    return { connectionId: created.id, displayName: input.name, unifiedToken: created.unified?.token ?? null, created: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConnectRefused("This Elastic Path store is already connected. Open it from the stores list instead.");
    }
    throw error;
  }
}
