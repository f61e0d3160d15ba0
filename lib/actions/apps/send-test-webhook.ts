"use server";

import { z } from "zod";
import { sendTestEvent } from "@/lib/apps/endpoints";
import { recordAudit } from "@/lib/audit/record";
import { adminAction } from "../safe-action";

const schema = z.object({ endpointId: z.string().min(1).max(64) });

/** Queues a test.ping to the endpoint (delivered like every other event). */
export const sendTestWebhook = adminAction(
  { schema, role: "ADMIN", name: "send-test-webhook" },
  async ({ endpointId }, actor) => {
    const messageId = await sendTestEvent(endpointId, actor.email);
    await recordAudit({
      action: "app.webhook_test_sent",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "webhook_endpoint",
      targetId: endpointId,
      data: { messageId },
    });
    return { messageId };
  },
);
