"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { recordConnectionEvent } from "@/lib/connections/events";
import { deleteKey, getKey } from "@/lib/platforms/elasticpath/api";
import { findElasticPathConnection } from "@/lib/connections/elasticpath/connection";
import { IN_USE_MESSAGE } from "@/lib/connections/elasticpath/explain";
import { asAdminError } from "./admin-error";
import { withElasticPath } from "@/lib/connections/elasticpath/session";
import { ActionError, adminAction } from "@/lib/actions/safe-action";

const schema = z.object({ connectionId: z.string().min(1), keyId: z.string().min(1).max(100) });

/** Deletes an application key, except the one the connection itself uses. */
export const deleteElasticPathKey = adminAction(
  { schema, role: "ADMIN", name: "elasticpath-delete-key" },
  async ({ connectionId, keyId }, actor) => {
    const connection = await findElasticPathConnection(connectionId);
    if (!connection) throw new ActionError("That Elastic Path connection no longer exists.");
    if (keyId === connection.keyId) throw new ActionError(IN_USE_MESSAGE);
    const name = await asAdminError("delete the key", () =>
      withElasticPath(connection.id, async (auth, ctx) => {
        // metadata.keyId may be unknown (older connections): compare client_ids at Elastic Path too.
        const { data } = await getKey(auth, keyId);
        if (data.client_id === ctx.credentials.clientId) throw new ActionError(IN_USE_MESSAGE);
        await deleteKey(auth, keyId);
        return data.name;
      }),
    );
    await recordConnectionEvent(connection.id, "key_deleted", `Application key "${name}" deleted (${keyId})`, {
      actorId: actor.id,
    });
    await recordAudit({
      action: "elasticpath.key.deleted",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "connection",
      targetId: connection.id,
      data: { keyId, name },
    });
    return { keyId };
  },
);
