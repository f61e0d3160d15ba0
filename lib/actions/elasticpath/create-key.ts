"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { recordConnectionEvent } from "@/lib/connections/events";
import { createKey } from "@/lib/platforms/elasticpath/api";
import { findElasticPathConnection, switchConnectionKey, verifyKey } from "@/lib/connections/elasticpath/connection";
import { asAdminError } from "./admin-error";
import { reshapeKey } from "@/lib/platforms/elasticpath/reshape";
import { withElasticPath } from "@/lib/connections/elasticpath/session";
import { ActionError, adminAction } from "@/lib/actions/safe-action";

const schema = z.object({
  connectionId: z.string().min(1),
  name: z.string().trim().min(1, "Give the key a name.").max(255),
  reservedRateLimit: z.coerce.number().int("Whole requests per second.").min(0).max(100_000).optional(),
  switchConnection: z.boolean().default(false),
});

/**
 * Creates an application key. Its client_secret is returned once, for the admin to copy; Storelink keeps it
 * only when the admin switches the connection to the new key (verified by minting a token first).
 */
export const createElasticPathKey = adminAction(
  { schema, role: "ADMIN", name: "elasticpath-create-key" },
  async (input, actor) => {
    const connection = await findElasticPathConnection(input.connectionId);
    if (!connection) throw new ActionError("That Elastic Path connection no longer exists.");
    const { data } = await asAdminError("create the key", () => withElasticPath(connection.id, (auth) => createKey(auth, input)));
    const key = reshapeKey(data);
    const clientSecret = data.client_secret;
    if (!clientSecret) throw new ActionError("Elastic Path created the key but sent no client_secret. Delete it and try again.");
    await recordConnectionEvent(connection.id, "key_created", `Application key "${key.name}" created (${key.id})`, {
      actorId: actor.id,
    });
    await recordAudit({
      action: "elasticpath.key.created",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "connection",
      targetId: connection.id,
      data: { keyId: key.id, name: key.name, reservedRateLimit: key.reservedRateLimit },
    });

    let switched = false;
    let switchError: string | null = null;
    if (input.switchConnection) {
      try {
        await switchConnectionKey(connection, key.id, await verifyKey(connection.baseUrl, key.clientId, clientSecret));
        switched = true;
        await recordConnectionEvent(
          connection.id,
          "credentials_rotated",
          `Connection switched to key "${key.name}" (${key.id})`,
          { actorId: actor.id, data: { keyId: key.id, previousKeyId: connection.keyId } },
        );
        await recordAudit({
          action: "elasticpath.connection.switched_key",
          actorId: actor.id,
          actorEmail: actor.email,
          targetType: "connection",
          targetId: connection.id,
          data: { keyId: key.id, previousKeyId: connection.keyId },
        });
      } catch (error) {
        switchError = `The key was created, but the connection still uses its previous key: the new key could not be verified (${(error as Error).message}).`;
        await recordConnectionEvent(
          connection.id,
          "credentials_rotation_failed",
          `Switching to key ${key.id} failed; the connection keeps its previous key`,
          { actorId: actor.id },
        );
      }
    }
    return { key, clientSecret, switched, switchError };
  },
);
