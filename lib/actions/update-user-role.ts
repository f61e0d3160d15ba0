"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { changeUserAccess, UserAccessError } from "@/lib/settings/user-access";
import { ActionError, adminAction } from "./safe-action";

const schema = z.object({ userId: z.string().min(1).max(64), role: z.enum(["OWNER", "ADMIN", "VIEWER"]) });

/** Changes an account's role; refused when it would leave no active owner. Takes effect on the next request. */
export const updateUserRole = adminAction({ schema, role: "OWNER", name: "update-user-role" }, async ({ userId, role }, actor) => {
  const { before, after } = await changeUserAccess(db, { userId, role }).catch((error: unknown) => {
    throw error instanceof UserAccessError ? new ActionError(error.message) : error;
  });
  if (before.role !== after.role) {
    await recordAudit({
      action: "user.role_changed",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "user",
      targetId: after.id,
      data: { email: after.email, from: before.role, to: after.role },
    });
  }
  revalidatePath("/users");
  return { id: after.id, email: after.email, role: after.role };
});
