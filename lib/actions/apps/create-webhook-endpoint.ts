"use server";

import { z } from "zod";
import { createEndpoint, EndpointError } from "@/lib/apps/endpoints";
import { recordAudit } from "@/lib/audit/record";
import { ActionError, adminAction } from "../safe-action";

const schema = z.object({
  appId: z.string().min(1).max(64),
  url: z.string().trim().min(1, "Enter the URL.").max(2000),
  events: z.array(z.string().max(60)).max(20),
});

/** Adds a webhook endpoint to an app; its signing secret is returned once. */
export const createWebhookEndpoint = adminAction(
  { schema, role: "ADMIN", name: "create-webhook-endpoint" },
  async ({ appId, url, events }, actor) => {
    try {
      const endpoint = await createEndpoint(appId, { url, events });
      await recordAudit({
        action: "app.webhook_endpoint_created",
        actorId: actor.id,
        actorEmail: actor.email,
        targetType: "app",
        targetId: appId,
        data: { endpointId: endpoint.id, url: endpoint.url, events: endpoint.events },
      });
      return { endpointId: endpoint.id, secret: endpoint.secret };
    } catch (error) {
      if (error instanceof EndpointError) throw new ActionError(error.message);
      throw error;
    }
  },
);
