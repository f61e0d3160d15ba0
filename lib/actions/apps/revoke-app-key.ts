"use server";

import { z } from "zod";
import { revokeAppKey as revokeKey } from "@/lib/apps/app-keys";
import { recordAudit } from "@/lib/audit/record";
import { adminAction } from "../safe-action";

const schema = z.object({ keyId: z.string().min(1).max(64) });

/** Revokes an app key at once. */
export const revokeAppKey = adminAction({ schema, role: "ADMIN", name: "revoke-app-key" }, async ({ keyId }, actor) => {
  const key = await revokeKey(keyId);
  await recordAudit({
    action: "app.key_revoked",
    actorId: actor.id,
    actorEmail: actor.email,
    targetType: "app",
    targetId: key.appId,
    data: { keyId, prefix: key.prefix, last4: key.last4 },
  });
  return { revoked: true };
});
