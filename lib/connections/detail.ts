import "server-only";
import { db } from "@/lib/db";
import { listUnifiedTokens } from "./unified-tokens";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Everything the store page shows, as plain serialisable public data (no secret column is selected). */
export async function connectionDetail(id: string) {
  const connection = await db.connection.findUnique({
    where: { id },
    select: {
      id: true,
      platform: true,
      externalId: true,
      displayName: true,
      status: true,
      baseUrl: true,
      scopes: true,
      publicToken: true,
      accessExpiresAt: true,
      refreshExpiresAt: true,
      nextCheckAt: true,
      lastRefreshAt: true,
      lastUsedAt: true,
      lastError: true,
      consecutiveFailures: true,
      cooldownUntil: true,
      createdAt: true,
    },
  });
  if (!connection) return null;
  const [tokens, events] = await Promise.all([
    listUnifiedTokens(id),
    db.connectionEvent.findMany({
      where: { connectionId: id },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, type: true, message: true, createdAt: true, actorId: true },
    }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((a): a is string => !!a))];
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]),
  );
  return {
    connection: {
      ...connection,
      accessExpiresAt: iso(connection.accessExpiresAt),
      refreshExpiresAt: iso(connection.refreshExpiresAt),
      nextCheckAt: iso(connection.nextCheckAt),
      lastRefreshAt: iso(connection.lastRefreshAt),
      lastUsedAt: iso(connection.lastUsedAt),
      cooldownUntil: iso(connection.cooldownUntil),
      createdAt: connection.createdAt.toISOString(),
    },
    tokens: tokens.map((t) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: iso(t.lastUsedAt),
      expiresAt: iso(t.expiresAt),
      revokedAt: iso(t.revokedAt),
    })),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      message: e.message,
      createdAt: e.createdAt.toISOString(),
      actor: e.actorId ? (actors.get(e.actorId) ?? "an admin") : null,
    })),
  };
}

export type ConnectionDetail = NonNullable<Awaited<ReturnType<typeof connectionDetail>>>;
