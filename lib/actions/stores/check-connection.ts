"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { checkConnection as check } from "@/lib/connections/maintain";
import { db } from "@/lib/db";
import { adminAction } from "@/lib/actions/safe-action";

const schema = z.object({ connectionId: z.string().min(1).max(64) });

/** "Check now": proves the stored credentials still work against the platform. */
export const checkConnection = adminAction(
  { schema, role: "ADMIN", name: "check-connection" },
  async ({ connectionId }, actor) => {
    const connection = await db.connection.findFirstOrThrow({ where: { id: connectionId }, select: { id: true } });
    const outcome = await check(connection.id, { actorId: actor.id, recordSuccess: true });
    await recordAudit({
      action: "connection.checked",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "connection",
      targetId: connection.id,
      data: { status: outcome.status },
    });
    return outcome;
  },
);
