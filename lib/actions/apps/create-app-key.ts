"use server";

import { z } from "zod";
import { createAppKey as createKey } from "@/lib/apps/app-keys";
import { recordAudit } from "@/lib/audit/record";
import { adminAction } from "../safe-action";

const schema = z.object({ appId: z.string().min(1).max(64), name: z.string().trim().min(1, "Give the key a name.").max(60) });

/** A new secret key for an app; the plaintext is returned once. */
export const createAppKey = adminAction({ schema, role: "ADMIN", name: "create-app-key" }, async ({ appId, name }, actor) => {
  const key = await createKey(appId, { name, actorId: actor.id });
  await recordAudit({
    action: "app.key_created",
    actorId: actor.id,
    actorEmail: actor.email,
    targetType: "app",
    targetId: appId,
    data: { keyId: key.id, prefix: key.prefix, last4: key.last4 },
  });
  return { key: key.key };
});
