"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { disconnectConnection as disconnect } from "@/lib/connections/maintain";
import { db } from "@/lib/db";
import { adminAction } from "./safe-action";

const schema = z.object({ connectionId: z.string().min(1).max(64) });

/** Disconnects a store: its platform credentials are destroyed and every unified token revoked. */
export const disconnectConnection = adminAction({ schema, role: "ADMIN", name: "disconnect-connection" }, async ({ connectionId }, actor) => {
  const connection = await db.connection.findFirstOrThrow({ where: { id: connectionId }, select: { id: true, platform: true, displayName: true } });
  await disconnect(connection.id, { actorId: actor.id });
  await recordAudit({ action: "connection.disconnected", actorId: actor.id, actorEmail: actor.email, targetType: "connection", targetId: connection.id, data: { platform: connection.platform, name: connection.displayName } });
  return { disconnected: true };
});
