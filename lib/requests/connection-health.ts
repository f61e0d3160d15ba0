import "server-only";
import type { ConnectionStatus, Platform } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db-client";
import { db } from "@/lib/db";

// The home page's "health at a glance": counts, the connections that need someone, and recent failures.

/** A refresh token that dies within this window means a re-authorization is coming: show it early. */
export const EXPIRING_SOON_MS = 7 * 86_400_000;

const STATUS_ORDER: ConnectionStatus[] = ["NEEDS_REAUTH", "DEGRADED", "ACTIVE", "REVOKED"];

export async function connectionCounts(client: DbClient = db) {
  const groups = await client.connection.groupBy({ by: ["platform", "status"], _count: { _all: true } });
  const byStatus: Record<ConnectionStatus, number> = { ACTIVE: 0, DEGRADED: 0, NEEDS_REAUTH: 0, REVOKED: 0 };
  const byPlatform: Record<Platform, number> = { ECWID: 0, ELASTICPATH: 0, OAUTH2: 0 };
  for (const g of groups) {
    byStatus[g.status] += g._count._all;
    byPlatform[g.platform] += g._count._all;
  }
  return { byStatus, byPlatform, total: Object.values(byStatus).reduce((a, b) => a + b, 0) };
}

export type AttentionReason = "NEEDS_REAUTH" | "DEGRADED" | "EXPIRING";

/** Connections needing attention, worst first: re-authorization needed, then degraded, then expiring soon. */
export async function connectionsNeedingAttention(now = new Date(), client: DbClient = db, limit = 20) {
  const soon = new Date(now.getTime() + EXPIRING_SOON_MS);
  const rows = await client.connection.findMany({
    where: {
      OR: [{ status: { in: ["NEEDS_REAUTH", "DEGRADED"] } }, { status: "ACTIVE", refreshExpiresAt: { lt: soon } }],
    },
    select: {
      id: true,
      displayName: true,
      platform: true,
      status: true,
      lastError: true,
      refreshExpiresAt: true,
      consecutiveFailures: true,
      updatedAt: true,
    },
    take: 200,
  });
  return rows
    .map((c) => ({ ...c, reason: (c.status === "ACTIVE" ? "EXPIRING" : c.status) as AttentionReason }))
    .sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
        (a.refreshExpiresAt?.getTime() ?? 0) - (b.refreshExpiresAt?.getTime() ?? 0) ||
        b.updatedAt.getTime() - a.updatedAt.getTime(),
    )
    .slice(0, limit);
}

export type AttentionRow = Awaited<ReturnType<typeof connectionsNeedingAttention>>[number];

export async function recentRefreshFailures(client: DbClient = db, limit = 10) {
  return client.connectionEvent.findMany({
    where: { type: { in: ["refresh_failed", "health_check_failed", "needs_reauth", "credentials_rotation_failed"] } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      type: true,
      message: true,
      createdAt: true,
      connection: { select: { id: true, displayName: true, platform: true } },
    },
  });
}
