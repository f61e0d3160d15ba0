import "server-only";
import { db } from "@/lib/db";
import { openConnectionCredentials, sealedColumnsSelect } from "@/lib/vault";
import type { EcwidCredentials } from "@/lib/platforms/ecwid/ecwid-types";
import { ecwidAppConfig, uninstallApplication } from "@/lib/platforms/ecwid/oauth";
import { PlatformError } from "@/lib/platforms/types";

// An admin's disconnect may also remove the app from the Ecwid store (issue 16.8), with the token Storelink
// still holds, before that token is destroyed. Ecwid's own application.uninstalled then finds the
// connection already REVOKED and changes nothing.

export type EcwidUninstallOutcome = { uninstalled: true } | { uninstalled: false; reason: string };

export async function uninstallFromEcwidStore(connectionId: string): Promise<EcwidUninstallOutcome> {
  const row = await db.connection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { id: true, platform: true, externalId: true, ...sealedColumnsSelect },
  });
  if (row.platform !== "ECWID") return { uninstalled: false, reason: "Not an Ecwid store." };
  const app = ecwidAppConfig();
  const credentials = openConnectionCredentials<EcwidCredentials>(row.id, row);
  if (!app || !credentials) return { uninstalled: false, reason: "Storelink holds no Ecwid token for this store." };
  try {
    await uninstallApplication(row.externalId, credentials.accessToken, app.clientId);
    return { uninstalled: true };
  } catch (error) {
    return { uninstalled: false, reason: error instanceof PlatformError ? error.message : "Ecwid could not be reached." };
  }
}
