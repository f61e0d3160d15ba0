"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { changeUserAccess, UserAccessError } from "@/lib/settings/user-access";
import { ActionError, adminAction } from "./safe-action";

const schema = z.object({ userId: z.string().min(1).max(64), active: z.boolean() });

/**
 * Deactivates or reactivates an account. A deactivated account's session stops working on its next request
 * (currentUser re-reads the row). Never the caller's own account, never the last active owner.
 */
export const setUserActive = adminAction({ schema, role: "OWNER", name: "set-user-active" }, async ({ userId, active }, actor) => {
  if (!active && userId === actor.id) throw new ActionError("You can't deactivate your own account; ask another owner.");
  const { before, after } = await changeUserAccess(db, { userId, active }).catch((error: unknown) => {
    throw error instanceof UserAccessError ? new ActionError(error.message) : error;
  });
  if (before.active !== after.active) {
    await recordAudit({
      action: active ? "user.reactivated" : "user.deactivated",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "user",
      targetId: after.id,
      data: { email: after.email },
    });
  }
  revalidatePath("/users");
  return { id: after.id, email: after.email, active: after.active };
});
