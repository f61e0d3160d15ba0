"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { changeUserAccess, UserAccessError } from "@/lib/auth/users";
import { ActionError, adminAction } from "@/lib/actions/safe-action";

const schema = z.object({ userId: z.string().min(1).max(64), active: z.boolean() });

/**
 * Deactivates or reactivates an account. Deactivating ends all of its sessions at once (reactivating later
 * revives none of them). Never the caller's own account, never the last active owner.
 */
export const setUserActive = adminAction(
  { schema, role: "OWNER", name: "set-user-active" },
  async ({ userId, active }, actor) => {
    if (!active && userId === actor.id) throw new ActionError("You can't deactivate your own account; ask another owner.");
    const { before, after, endedSessions } = await changeUserAccess(db, { userId, active }).catch((error: unknown) => {
      throw error instanceof UserAccessError ? new ActionError(error.message) : error;
    });
    if (before.active !== after.active) {
      await recordAudit({
        action: active ? "user.reactivated" : "user.deactivated",
        actorId: actor.id,
        actorEmail: actor.email,
        targetType: "user",
        targetId: after.id,
        data: { email: after.email, ...(endedSessions && { endedSessions }) },
      });
    }
    revalidatePath("/users");
    return { id: after.id, email: after.email, active: after.active };
  },
);
