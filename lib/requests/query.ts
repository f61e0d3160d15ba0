import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db-client";
import { db } from "@/lib/db";
import { RANGES, type RequestFilters } from "./filters";

export const REQUESTS_PAGE_SIZE = 50;

export function requestWhere(filters: Omit<RequestFilters, "page">, now = new Date()): Prisma.ApiRequestWhereInput {
  const where: Prisma.ApiRequestWhereInput = {
    createdAt: { gte: new Date(now.getTime() - RANGES[filters.range].hours * 3_600_000) },
  };
  if (filters.connection) where.connectionId = filters.connection;
  if (filters.method) where.method = filters.method;
  if (filters.status) {
    const low = Number(filters.status[0]) * 100;
    where.status = { gte: low, lt: low + 100 };
  }
  return where;
}

/** One page of the (already masked) request log, newest first. Never selects the token id's owner secrets: there are none here. */
export async function listApiRequests(filters: RequestFilters, client: DbClient = db, now = new Date()) {
  const where = requestWhere(filters, now);
  const [rows, total] = await Promise.all([
    client.apiRequest.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * REQUESTS_PAGE_SIZE,
      take: REQUESTS_PAGE_SIZE,
      select: {
        id: true,
        method: true,
        path: true,
        status: true,
        upstreamStatus: true,
        latencyMs: true,
        createdAt: true,
        connection: { select: { id: true, displayName: true, platform: true } },
      },
    }),
    client.apiRequest.count({ where }),
  ]);
  return { rows, total, page: filters.page, pages: Math.max(1, Math.ceil(total / REQUESTS_PAGE_SIZE)) };
}

export type ApiRequestRow = Awaited<ReturnType<typeof listApiRequests>>["rows"][number];

/** Connections for the per-connection filter (id and name only). */
export async function connectionChoices(client: DbClient = db) {
  return client.connection.findMany({
    select: { id: true, displayName: true, platform: true },
    orderBy: { displayName: "asc" },
    take: 500,
  });
}
