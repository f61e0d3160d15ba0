"use server";

import { z } from "zod";
import { createAppKey } from "@/lib/apps/app-keys";
import { createApp as createAppRow } from "@/lib/apps/apps";
import { ReturnUrlError } from "@/lib/apps/return-urls";
import { recordAudit } from "@/lib/audit/record";
import { ActionError, adminAction } from "../safe-action";

const schema = z.object({
  name: z.string().trim().min(1, "Give the app a name.").max(80),
  returnUrls: z.array(z.string().trim().min(1).max(2000)).max(20),
});

/** Registers an integrator app with its first secret key (returned once, for the dialog that shows it). */
export const createApp = adminAction({ schema, role: "ADMIN", name: "create-app" }, async (input, actor) => {
  let app;
  try {
    app = await createAppRow(input, actor.id);
  } catch (error) {
    if (error instanceof ReturnUrlError) throw new ActionError(error.message);
    throw error;
  }
  const key = await createAppKey(app.id, { actorId: actor.id });
  await recordAudit({
    action: "app.created",
    actorId: actor.id,
    actorEmail: actor.email,
    targetType: "app",
    targetId: app.id,
    data: { name: app.name, returnUrls: app.returnUrls, keyPrefix: key.prefix },
  });
  return { appId: app.id, key: key.key };
});
