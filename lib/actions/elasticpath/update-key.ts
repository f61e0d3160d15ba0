"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { recordConnectionEvent } from "@/lib/connections/events";
import { updateKey } from "@/lib/platforms/elasticpath/api";
import { findElasticPathConnection } from "@/lib/connections/elasticpath/connection";
import { asAdminError } from "./admin-error";
import { reshapeKey } from "@/lib/platforms/elasticpath/reshape";
import { withElasticPath } from "@/lib/connections/elasticpath/session";
import { ActionError, adminAction } from "@/lib/actions/safe-action";

const schema = z.object({
  connectionId: z.string().min(1),
  keyId: z.string().min(1).max(100),
  name: z.string().trim().min(1, "A key needs a name.").max(255),
  reservedRateLimit: z.coerce.number().int("Whole requests per second.").min(0).max(100_000),
});

/** Renames a key and/or changes its reserved rate limit (409 from Elastic Path → the reservation limit). */
export const updateElasticPathKey = adminAction(
  { schema, role: "ADMIN", name: "elasticpath-update-key" },
  async (input, actor) => {
    const connection = await findElasticPathConnection(input.connectionId);
    if (!connection) throw new ActionError("That Elastic Path connection no longer exists.");
    const { data } = await asAdminError("update the key", () =>
      withElasticPath(connection.id, (auth) => updateKey(auth, input.keyId, input)),
    );
    const key = reshapeKey(data);
    await recordConnectionEvent(
      connection.id,
      "key_updated",
      `Application key ${key.id} is now "${key.name}", reserving ${key.reservedRateLimit} rps`,
      { actorId: actor.id },
    );
    await recordAudit({
      action: "elasticpath.key.updated",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "connection",
      targetId: connection.id,
      data: { keyId: key.id, name: key.name, reservedRateLimit: key.reservedRateLimit },
    });
    // Not the client_id: for the connection's own key it is a vault value, tainted, and the page has it anyway.
    return { id: key.id, name: key.name, reservedRateLimit: key.reservedRateLimit };
  },
);
