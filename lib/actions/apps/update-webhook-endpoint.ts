"use server";

import { z } from "zod";
import { EndpointError, updateEndpoint } from "@/lib/apps/endpoints";
import { recordAudit } from "@/lib/audit/record";
import { ActionError, adminAction } from "../safe-action";

const schema = z.object({
  endpointId: z.string().min(1).max(64),
  url: z.string().trim().min(1).max(2000).optional(),
  events: z.array(z.string().max(60)).max(20).optional(),
  enabled: z.boolean().optional(),
});

/** Changes an endpoint's URL or events, or disables / re-enables it. */
export const updateWebhookEndpoint = adminAction(
  { schema, role: "ADMIN", name: "update-webhook-endpoint" },
  async ({ endpointId, ...input }, actor) => {
    try {
      const endpoint = await updateEndpoint(endpointId, input);
      await recordAudit({
        action: "app.webhook_endpoint_updated",
        actorId: actor.id,
        actorEmail: actor.email,
        targetType: "app",
        targetId: endpoint.appId,
        data: { endpointId, ...input },
      });
      return { enabled: endpoint.disabledAt === null };
    } catch (error) {
      if (error instanceof EndpointError) throw new ActionError(error.message);
      throw error;
    }
  },
);
