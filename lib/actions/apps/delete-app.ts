"use server";

import { z } from "zod";
import { deleteApp as deleteAppRow } from "@/lib/apps/apps";
import { recordAudit } from "@/lib/audit/record";
import { adminAction } from "../safe-action";

const schema = z.object({ appId: z.string().min(1).max(64) });

/** Deletes an app, its keys, endpoints and pending webhooks; its stores stay connected (their tokens too). */
export const deleteApp = adminAction({ schema, role: "ADMIN", name: "delete-app" }, async ({ appId }, actor) => {
  await deleteAppRow(appId);
  await recordAudit({ action: "app.deleted", actorId: actor.id, actorEmail: actor.email, targetType: "app", targetId: appId });
  return { deleted: true };
});
