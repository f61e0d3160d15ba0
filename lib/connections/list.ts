import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { z } from "zod";

export const STATUSES = ["ACTIVE", "DEGRADED", "NEEDS_REAUTH", "REVOKED"] as const;
export const PLATFORMS = ["ECWID", "ELASTICPATH", "OAUTH2"] as const;
const SORTS = ["createdAt", "displayName", "accessExpiresAt", "lastRefreshAt", "lastUsedAt", "status"] as const;

export const listFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  platform: z.enum(PLATFORMS).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  sort: z.enum(SORTS).default("createdAt").catch("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type ListFilters = z.output<typeof listFiltersSchema>;

export const PAGE_SIZE = 25;
// Prisma accepts a nulls position only on nullable columns.
const NULLABLE_SORTS = new Set<string>(["accessExpiresAt", "lastRefreshAt", "lastUsedAt"]);

/** One page of connections for the stores table; secret columns are never selected. */
export async function listConnections(filters: ListFilters) {
  const where: Prisma.ConnectionWhereInput = {
    ...(filters.platform && { platform: filters.platform }),
    ...(filters.status && { status: filters.status }),
    ...(filters.q && {
      OR: [
        { displayName: { contains: filters.q, mode: "insensitive" } },
        { externalId: { equals: filters.q } },
      ],
    }),
  };
  const [rows, total] = await Promise.all([
    db.connection.findMany({
      where,
      orderBy: [{ [filters.sort]: NULLABLE_SORTS.has(filters.sort) ? { sort: filters.dir, nulls: "last" } : filters.dir }, { id: filters.dir }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        platform: true,
        externalId: true,
        displayName: true,
        status: true,
        accessExpiresAt: true,
        refreshExpiresAt: true,
        lastRefreshAt: true,
        lastUsedAt: true,
        lastError: true,
        createdAt: true,
      },
    }),
    db.connection.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export type ConnectionListRow = Awaited<ReturnType<typeof listConnections>>["rows"][number];
