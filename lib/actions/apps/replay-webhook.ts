"use server";

import { z } from "zod";
import { replayMessage } from "@/lib/apps/endpoints";
import { recordAudit } from "@/lib/audit/record";
import { adminAction } from "../safe-action";

const schema = z.object({ messageId: z.string().min(1).max(64) });

/** Sends one webhook message again now. */
export const replayWebhook = adminAction({ schema, role: "ADMIN", name: "replay-webhook" }, async ({ messageId }, actor) => {
  const message = await replayMessage(messageId);
  await recordAudit({
    action: "app.webhook_replayed",
    actorId: actor.id,
    actorEmail: actor.email,
    targetType: "webhook_endpoint",
    targetId: message.endpointId,
    data: { messageId },
  });
  return { queued: true };
});
