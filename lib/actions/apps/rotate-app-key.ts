"use server";

import { z } from "zod";
import { rotateAppKey as rotateKey } from "@/lib/apps/app-keys";
import { recordAudit } from "@/lib/audit/record";
import { ActionError, adminAction } from "../safe-action";

const schema = z.object({ keyId: z.string().min(1).max(64), graceHours: z.coerce.number().int().min(0).max(168) });

/** Replaces a key; the old one keeps working for the grace period (0: revoked now). */
export const rotateAppKey = adminAction(
  { schema, role: "ADMIN", name: "rotate-app-key" },
  async ({ keyId, graceHours }, actor) => {
    try {
      const rotated = await rotateKey(keyId, graceHours * 3_600_000, { actorId: actor.id });
      await recordAudit({
        action: "app.key_rotated",
        actorId: actor.id,
        actorEmail: actor.email,
        targetType: "app",
        targetId: rotated.appId,
        data: { oldKeyId: keyId, newKeyId: rotated.id, graceHours },
      });
      return { key: rotated.key, graceUntil: rotated.graceUntil?.toISOString() ?? null };
    } catch (error) {
      if (error instanceof Error && error.message === "key_not_live")
        throw new ActionError("That key is already revoked or past its grace period.");
      throw error;
    }
  },
);
