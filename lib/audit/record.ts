import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

export type AuditInput = {
  action: string;
  actorId?: string | null;
  actorEmail?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  /** Never a secret: audit rows are shown to every admin and exported as CSV. */
  data?: Prisma.InputJsonValue;
};

export async function recordAudit(input: AuditInput, client: Pick<typeof db, "auditEvent"> = db): Promise<void> {
  await client.auditEvent.create({ data: input });
}
