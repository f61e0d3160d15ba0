"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { revokeUnifiedToken as revoke } from "@/lib/connections/unified-tokens";
import { db } from "@/lib/db";
import { adminAction } from "@/lib/actions/safe-action";

const schema = z.object({ tokenId: z.string().min(1).max(64) });

/** Revokes a unified token at once. */
export const revokeUnifiedToken = adminAction(
  { schema, role: "ADMIN", name: "revoke-unified-token" },
  async ({ tokenId }, actor) => {
    await db.unifiedToken.findFirstOrThrow({ where: { id: tokenId }, select: { id: true } });
    const result = await revoke(tokenId, { actorId: actor.id });
    await recordAudit({
      action: "unified_token.revoked",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "connection",
      targetId: result.connectionId,
      data: { tokenId, prefix: result.prefix, last4: result.last4 },
    });
    return { revoked: true };
  },
);
