"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { disconnectConnection as disconnect } from "@/lib/connections/maintain";
import { uninstallFromEcwidStore, type EcwidUninstallOutcome } from "@/lib/connections/ecwid/uninstall";
import { db } from "@/lib/db";
import { adminAction } from "@/lib/actions/safe-action";

const schema = z.object({ connectionId: z.string().min(1).max(64), uninstallFromStore: z.boolean().default(true) });

/**
 * Disconnects a store: its platform credentials and public token are destroyed and every unified token
 * revoked. An Ecwid store may also have the app uninstalled first (the admin's checkbox, on by default);
 * the disconnect happens whether or not Ecwid agreed, and the result says which.
 */
export const disconnectConnection = adminAction(
  { schema, role: "ADMIN", name: "disconnect-connection" },
  async ({ connectionId, uninstallFromStore }, actor) => {
    const connection = await db.connection.findFirstOrThrow({
      where: { id: connectionId },
      select: { id: true, platform: true, displayName: true, status: true },
    });
    let uninstall: EcwidUninstallOutcome | null = null;
    if (connection.platform === "ECWID" && uninstallFromStore && connection.status !== "REVOKED")
      uninstall = await uninstallFromEcwidStore(connection.id);
    await disconnect(connection.id, { actorId: actor.id });
    await recordAudit({
      action: "connection.disconnected",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "connection",
      targetId: connection.id,
      data: {
        platform: connection.platform,
        name: connection.displayName,
        ...(uninstall ? { uninstalledFromStore: uninstall.uninstalled } : {}),
      },
    });
    return {
      disconnected: true,
      uninstalled: uninstall?.uninstalled ?? null,
      uninstallError: uninstall && !uninstall.uninstalled ? uninstall.reason : null,
    };
  },
);
