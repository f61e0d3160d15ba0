"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { mintUnifiedToken } from "@/lib/connections/unified-tokens";
import { ActionError, adminAction } from "@/lib/actions/safe-action";

const schema = z.object({
  connectionId: z.string().min(1).max(64),
  name: z.string().trim().min(1, "Give the token a name.").max(60),
  scope: z.enum(["READ", "READ_WRITE"]).default("READ_WRITE"),
});

/** Adds a unified token to a connection; the plaintext is returned once, for the dialog that shows it. */
export const createUnifiedToken = adminAction(
  { schema, role: "ADMIN", name: "create-unified-token" },
  async ({ connectionId, name, scope }, actor) => {
    const connection = await db.connection.findFirstOrThrow({ where: { id: connectionId }, select: { id: true, status: true } });
    if (connection.status === "REVOKED")
      throw new ActionError("This store is disconnected; re-authorize it before adding tokens.");
    const minted = await mintUnifiedToken(connection.id, { name, scope, actorId: actor.id });
    await recordAudit({
      action: "unified_token.created",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "connection",
      targetId: connection.id,
      data: { tokenId: minted.id, name, scope, prefix: minted.prefix, last4: minted.last4 },
    });
    return { token: minted.token, prefix: minted.prefix, last4: minted.last4 };
  },
);
