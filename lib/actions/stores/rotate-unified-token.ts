"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { rotateUnifiedToken as rotate } from "@/lib/connections/unified-tokens";
import { db } from "@/lib/db";
import { ActionError, adminAction } from "@/lib/actions/safe-action";

/** Grace periods offered for the old token; 0 = it stops working at once (the default). */
const GRACE_HOURS = [0, 1, 24, 168] as const;
const schema = z.object({
  tokenId: z.string().min(1).max(64),
  graceHours: z.coerce.number().refine((h) => (GRACE_HOURS as readonly number[]).includes(h), "Choose a grace period."),
});

/** Rotates a unified token: a new one now (shown once), the old one valid for the chosen grace period. */
export const rotateUnifiedToken = adminAction(
  { schema, role: "ADMIN", name: "rotate-unified-token" },
  async ({ tokenId, graceHours }, actor) => {
    await db.unifiedToken.findFirstOrThrow({ where: { id: tokenId }, select: { id: true } });
    const result = await rotate(tokenId, graceHours * 3_600_000, { actorId: actor.id }).catch((error: unknown) => {
      if (error instanceof Error && error.message === "token_not_live")
        throw new ActionError("This token is already revoked or expired; create a new one instead.");
      throw error;
    });
    await recordAudit({
      action: "unified_token.rotated",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "connection",
      targetId: result.connectionId,
      data: { oldTokenId: result.oldTokenId, newTokenId: result.id, graceHours },
    });
    return {
      token: result.token,
      prefix: result.prefix,
      last4: result.last4,
      graceUntil: result.graceUntil?.toISOString() ?? null,
    };
  },
);
