import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { z } from "zod";

export const STATUSES = ["ACTIVE", "DEGRADED", "NEEDS_REAUTH", "REVOKED"] as const;
export const PLATFORMS = ["ECWID", "ELASTICPATH", "OAUTH2"] as const;
const SORTS = ["createdAt", "displayName", "accessExpiresAt", "lastRefreshAt", "lastUsedAt", "status"] as const;
type Sort = (typeof SORTS)[number];

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
// Columns that may be empty; empty values always sort last, whichever the direction.
const NULLABLE_SORTS = new Set<Sort>(["accessExpiresAt", "lastRefreshAt", "lastUsedAt"]);

const select = {
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
} satisfies Prisma.ConnectionSelect;

export type ConnectionListRow = Prisma.ConnectionGetPayload<{ select: typeof select }>;

function whereFor(filters: ListFilters): Prisma.ConnectionWhereInput {
  return {
    ...(filters.platform && { platform: filters.platform }),
    ...(filters.status && { status: filters.status }),
    // Served by a trigram index on displayName and a b-tree on externalId (migration "stores_search").
    ...(filters.q && {
      OR: [{ displayName: { contains: likeLiteral(filters.q), mode: "insensitive" } }, { externalId: { equals: filters.q } }],
    }),
  };
}

// Prisma passes `contains` to LIKE as is: escape its wildcards so "%" searches for a percent sign.
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** One page of connections for the stores table; secret columns are never selected. */
export async function listConnections(filters: ListFilters) {
  const where = whereFor(filters);
  const [rows, total] = await Promise.all([pageOf(filters, where), db.connection.count({ where })]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

async function pageOf(filters: ListFilters, where: Prisma.ConnectionWhereInput): Promise<ConnectionListRow[]> {
  const { sort, dir } = filters;
  const offset = (filters.page - 1) * PAGE_SIZE;
  if (!NULLABLE_SORTS.has(sort)) {
    return db.connection.findMany({ where, orderBy: [{ [sort]: dir }, { id: dir }], skip: offset, take: PAGE_SIZE, select });
  }
  // `ORDER BY x DESC NULLS LAST` cannot walk the (x, id) index, so PostgreSQL would sort every matching row.
  // Reading the rows that have a value, then the empty ones, keeps both halves on an index and gives the
  // same order; the boundary is only counted when a page reaches it.
  const valued = await db.connection.findMany({
    where: { AND: [where, { [sort]: { not: null } }] },
    orderBy: [{ [sort]: dir }, { id: dir }],
    skip: offset,
    take: PAGE_SIZE,
    select,
  });
  if (valued.length === PAGE_SIZE) return valued;
  const valuedTotal =
    valued.length > 0
      ? offset + valued.length
      : await db.connection.count({ where: { AND: [where, { [sort]: { not: null } }] } });
  const empty = await db.connection.findMany({
    where: { AND: [where, { [sort]: null }] },
    orderBy: { id: dir },
    skip: Math.max(0, offset - valuedTotal),
    take: PAGE_SIZE - valued.length,
    select,
  });
  return [...valued, ...empty];
}
