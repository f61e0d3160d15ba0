import "server-only";
import type { DbClient } from "@/lib/db-client";
import { db } from "@/lib/db";

// How long the API request log is kept. There is no settings table yet, so the current value is the latest
// "settings.retention_changed" audit event (append-only, shared by every instance, and its own history);
// without one, the default applies. A `Setting` table would replace this (see docs/operations.md).

export const DEFAULT_RETENTION_DAYS = 30;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 365;
export const RETENTION_AUDIT_ACTION = "settings.retention_changed";

export async function retentionDays(client: DbClient = db): Promise<number> {
  const latest = await client.auditEvent.findFirst({
    where: { action: RETENTION_AUDIT_ACTION },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { data: true },
  });
  const days = (latest?.data as { days?: unknown } | null)?.days;
  return typeof days === "number" && Number.isInteger(days) && days >= MIN_RETENTION_DAYS && days <= MAX_RETENTION_DAYS
    ? days
    : DEFAULT_RETENTION_DAYS;
}

export function retentionCutoff(days: number, now = new Date()): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
