"use server";

import { z } from "zod";
import { updateApp as updateAppRow } from "@/lib/apps/apps";
import { ReturnUrlError } from "@/lib/apps/return-urls";
import { recordAudit } from "@/lib/audit/record";
import { ActionError, adminAction } from "../safe-action";

const schema = z.object({
  appId: z.string().min(1).max(64),
  name: z.string().trim().min(1, "Give the app a name.").max(80),
  returnUrls: z.array(z.string().trim().min(1).max(2000)).max(20),
});

/** Renames an app or changes its return URLs (exact matches; https except allow-listed sandbox hosts). */
export const updateApp = adminAction({ schema, role: "ADMIN", name: "update-app" }, async ({ appId, ...input }, actor) => {
  try {
    const app = await updateAppRow(appId, input);
    await recordAudit({
      action: "app.updated",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "app",
      targetId: appId,
      data: { name: app.name, returnUrls: app.returnUrls },
    });
    return { returnUrls: app.returnUrls };
  } catch (error) {
    if (error instanceof ReturnUrlError) throw new ActionError(error.message);
    throw error;
  }
});
