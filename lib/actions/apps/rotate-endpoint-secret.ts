"use server";

import { z } from "zod";
import { rotateEndpointSecret as rotateSecret } from "@/lib/apps/endpoints";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { adminAction } from "../safe-action";

const schema = z.object({ endpointId: z.string().min(1).max(64) });

/** A new signing secret (returned once); the old one keeps signing for 24 hours. */
export const rotateEndpointSecret = adminAction(
  { schema, role: "ADMIN", name: "rotate-endpoint-secret" },
  async ({ endpointId }, actor) => {
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: { appId: true } });
    const rotated = await rotateSecret(endpointId);
    await recordAudit({
      action: "app.webhook_secret_rotated",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "app",
      targetId: endpoint.appId,
      data: { endpointId },
    });
    return { secret: rotated.secret, previousUntil: rotated.previousUntil.toISOString() };
  },
);
