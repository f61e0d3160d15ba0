"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { refreshConnection as refresh } from "@/lib/connections/maintain";
import { db } from "@/lib/db";
import { adminAction } from "@/lib/actions/safe-action";

const schema = z.object({ connectionId: z.string().min(1).max(64) });

/** "Refresh now": renews the platform credentials (fixed tokens are health-checked instead). */
export const refreshConnection = adminAction(
  { schema, role: "ADMIN", name: "refresh-connection" },
  async ({ connectionId }, actor) => {
    const connection = await db.connection.findFirstOrThrow({ where: { id: connectionId }, select: { id: true } });
    const outcome = await refresh(connection.id, { actorId: actor.id });
    await recordAudit({
      action: "connection.refreshed",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "connection",
      targetId: connection.id,
      data: { status: outcome.status },
    });
    return outcome;
  },
);
