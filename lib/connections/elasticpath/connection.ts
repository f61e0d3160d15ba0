import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { credentialColumns } from "@/lib/connections/credentials";
import { NOT_REVOKED } from "@/lib/connections/status";
import { db } from "@/lib/db";
import { PlatformError } from "@/lib/platforms/types";
import { mintToken } from "@/lib/platforms/elasticpath/transport";
import { metadataOfConnection } from "@/lib/platforms/elasticpath/metadata";
import type { EpCredentials } from "@/lib/platforms/elasticpath/types";

// Connection rows of Elastic Path stores: the non-secret view pages use, and the one place that switches a
// connection to another application key (verify first, then write the vault).

export type EpConnectionView = {
  id: string;
  displayName: string;
  baseUrl: string;
  externalId: string;
  status: string;
  keyId: string | null;
  region: string | null;
};

export const metadataOf = metadataOfConnection;

/** The connection if it exists and is an Elastic Path one; never selects the secret columns. */
export async function findElasticPathConnection(id: string): Promise<EpConnectionView | null> {
  const row = await db.connection.findFirst({
    where: { id, platform: "ELASTICPATH" },
    select: { id: true, displayName: true, baseUrl: true, externalId: true, status: true, metadata: true },
  });
  if (!row?.baseUrl) return null;
  const meta = metadataOf(row.metadata);
  return {
    id: row.id,
    displayName: row.displayName,
    baseUrl: row.baseUrl,
    externalId: row.externalId,
    status: row.status,
    keyId: meta.keyId ?? null,
    region: meta.region ?? null,
  };
}

/** Mints a client_credentials token with a key: proves the key works before anything depends on it. */
export async function verifyKey(baseUrl: string, clientId: string, clientSecret: string) {
  const token = await mintToken(baseUrl, { type: "client_credentials", clientId, clientSecret });
  return {
    credentials: { clientId, clientSecret, accessToken: token.access_token } satisfies EpCredentials,
    accessExpiresAt: new Date(token.expires * 1000),
  };
}

/** Points the connection at another (already verified) key: new encrypted credentials and metadata.keyId. */
export async function switchConnectionKey(
  connection: EpConnectionView,
  keyId: string,
  verified: Awaited<ReturnType<typeof verifyKey>>,
) {
  const row = await db.connection.findUnique({ where: { id: connection.id }, select: { metadata: true } });
  if (!row) throw new PlatformError("not_found", "The connection no longer exists.");
  const metadata = { ...metadataOf(row.metadata), keyId } as Prisma.InputJsonObject;
  const { count } = await db.connection.updateMany({
    where: { id: connection.id, ...NOT_REVOKED },
    data: {
      ...credentialColumns(connection.id, verified.credentials),
      accessExpiresAt: verified.accessExpiresAt,
      lastRefreshAt: new Date(),
      status: "ACTIVE",
      lastError: null,
      consecutiveFailures: 0,
      cooldownUntil: null,
      metadata,
    },
  });
  if (count === 0) throw new PlatformError("not_found", "The store was disconnected meanwhile; nothing was saved.");
}
