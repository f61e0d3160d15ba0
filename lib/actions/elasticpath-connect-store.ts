"use server";

import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { credentialColumns } from "@/lib/connections/credentials";
import { recordConnectionEvent } from "@/lib/connections/events";
import { mintUnifiedToken } from "@/lib/connections/unified-tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getSettings, listKeys } from "@/lib/platforms/elasticpath/api";
import { verifyKey } from "@/lib/platforms/elasticpath/connection";
import { PlatformError } from "@/lib/platforms/types";
import { ActionError, adminAction } from "./safe-action";

const schema = z.object({
  name: z.string().trim().min(1, "Give the store a name.").max(100),
  region: z.string().min(1, "Choose a region."),
  customBaseUrl: z.string().trim().max(300).optional(),
  clientId: z.string().trim().min(1, "Enter the client_id.").max(200),
  clientSecret: z.string().trim().min(1, "Enter the client_secret.").max(200),
});

function baseUrlFor(region: string, custom: string | undefined): string {
  const known = env.ELASTICPATH_BASE_URLS.find((r) => r.name === region);
  if (known) return known.url;
  if (region !== "custom") throw new ActionError("Choose one of the listed regions or a custom base URL.");
  const url = custom && URL.canParse(custom) ? new URL(custom) : null;
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) throw new ActionError("The custom base URL must be an http(s) URL such as https://useast.api.elasticpath.com.");
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/** The key's id, found by its client_id in the store's key list (first pages only; unknown → null). */
async function keyIdOf(auth: { baseUrl: string; token: string }, clientId: string): Promise<string | null> {
  for (let offset = 0; offset < 500; offset += 100) {
    const page = await listKeys(auth, offset, 100).catch(() => null);
    const match = page?.data.find((k) => k.client_id === clientId);
    if (match) return match.id;
    if (!page || page.data.length < 100) return null;
  }
  return null;
}

/**
 * Connects an Elastic Path store: mints a client_credentials token first, so wrong credentials or an
 * unreachable host save nothing. Returns the store's unified token, shown once.
 */
export const connectElasticPathStore = adminAction({ schema, role: "ADMIN", name: "elasticpath-connect-store" }, async (input, actor) => {
  const baseUrl = baseUrlFor(input.region, input.customBaseUrl);
  const host = new URL(baseUrl).host;
  let verified: Awaited<ReturnType<typeof verifyKey>>;
  try {
    verified = await verifyKey(baseUrl, input.clientId, input.clientSecret);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    if (error.kind === "unauthorized" || error.kind === "invalid") throw new ActionError("Elastic Path rejected this client_id and client_secret. Copy them again from Commerce Manager (Application Keys) and check the region. Nothing was saved.");
    throw new ActionError(`Could not reach Elastic Path at ${host}: ${error.message} Check the region or base URL. Nothing was saved.`);
  }
  const auth = { baseUrl, token: verified.credentials.accessToken };
  // The store id makes a stable external id across key rotations; without it, host + the first client_id.
  const settings = await getSettings(auth).catch(() => null);
  const externalId = settings?.meta?.store_id ?? `${host}:${input.clientId}`;
  const keyId = await keyIdOf(auth, input.clientId);
  const region = env.ELASTICPATH_BASE_URLS.find((r) => r.url === baseUrl)?.name ?? null;

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
          metadata: { keyId, region, storeName: settings?.meta?.store_name ?? null },
        },
        select: { id: true },
      });
      // The ciphertext is bound to the row id, so it is written once the id exists.
      await tx.connection.update({ where: { id: row.id }, data: credentialColumns(row.id, verified.credentials) });
      await recordConnectionEvent(row.id, "connected", `Elastic Path store connected at ${host}`, { actorId: actor.id, data: { keyId } }, tx);
      return { id: row.id, unified: await mintUnifiedToken(row.id, { actorId: actor.id }, tx) };
    });
    await recordAudit({ action: "connection.connected", actorId: actor.id, actorEmail: actor.email, targetType: "connection", targetId: created.id, data: { platform: "ELASTICPATH", externalId, host, keyId } });
    return { connectionId: created.id, displayName: input.name, unifiedToken: created.unified.token };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ActionError("This Elastic Path store is already connected. Open it from the stores list instead.");
    }
    throw error;
  }
});
