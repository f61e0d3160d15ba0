import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db-client";
import { db } from "@/lib/db";
import { csvRow } from "./csv";
import type { AuditFilters } from "./filters";

export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

export function auditWhere(filters: Omit<AuditFilters, "page">): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  // "auth." matches every auth event; "auth.sign_in" matches exactly that family too.
  if (filters.action) where.action = { startsWith: filters.action };
  if (filters.actor) where.actorEmail = { contains: filters.actor, mode: "insensitive" };
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from && { gte: new Date(`${filters.from}T00:00:00.000Z`) }),
      // `to` is an inclusive day: everything before the next midnight (UTC).
      ...(filters.to && { lt: new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + DAY_MS) }),
    };
  }
  return where;
}

export async function listAuditEvents(filters: AuditFilters, client: DbClient = db) {
  const where = auditWhere(filters);
  const [rows, total] = await Promise.all([
    client.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    client.auditEvent.count({ where }),
  ]);
  return { rows, total, page: filters.page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>["rows"][number];

/** Distinct action names, for the filter's suggestions. */
export async function auditActions(client: DbClient = db): Promise<string[]> {
  const rows = await client.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}

export const AUDIT_CSV_HEADER = [
  "time_utc",
  "action",
  "actor_email",
  "actor_id",
  "target_type",
  "target_id",
  "ip",
  "data",
] as const;

/**
 * The filtered log as CSV, in pages of 500 rows keyed by (createdAt, id), so a large export streams with
 * bounded memory and rows written during the export can't shift the pages.
 */
export async function* auditCsv(filters: Omit<AuditFilters, "page">, client: DbClient = db): AsyncGenerator<string> {
  yield csvRow(AUDIT_CSV_HEADER);
  const where = auditWhere(filters);
  let cursor: { id: string } | undefined;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 500,
      ...(cursor && { cursor, skip: 1 }),
    });
    for (const e of rows) yield csvRow([e.createdAt, e.action, e.actorEmail, e.actorId, e.targetType, e.targetId, e.ip, e.data]);
    const last = rows.at(-1);
    if (rows.length < 500 || !last) return;
    cursor = { id: last.id };
  }
}
