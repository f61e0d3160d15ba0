"use server";

import { z } from "zod";
import { deleteEndpoint } from "@/lib/apps/endpoints";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { adminAction } from "../safe-action";

const schema = z.object({ endpointId: z.string().min(1).max(64) });

/** Deletes an endpoint and its undelivered messages. */
export const deleteWebhookEndpoint = adminAction(
  { schema, role: "ADMIN", name: "delete-webhook-endpoint" },
  async ({ endpointId }, actor) => {
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({
      where: { id: endpointId },
      select: { appId: true, url: true },
    });
    await deleteEndpoint(endpointId);
    await recordAudit({
      action: "app.webhook_endpoint_deleted",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "app",
      targetId: endpoint.appId,
      data: { endpointId, url: endpoint.url },
    });
    return { deleted: true };
  },
);
