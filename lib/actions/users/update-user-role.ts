"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { changeUserAccess, UserAccessError } from "@/lib/auth/users";
import { ActionError, adminAction } from "@/lib/actions/safe-action";

const schema = z.object({ userId: z.string().min(1).max(64), role: z.enum(["OWNER", "ADMIN", "VIEWER"]) });

/** Changes an account's role (ending its sessions: it signs in again with the new role); refused when it would leave no active owner. */
export const updateUserRole = adminAction(
  { schema, role: "OWNER", name: "update-user-role" },
  async ({ userId, role }, actor) => {
    const { before, after, endedSessions } = await changeUserAccess(db, { userId, role }).catch((error: unknown) => {
      throw error instanceof UserAccessError ? new ActionError(error.message) : error;
    });
    if (before.role !== after.role) {
      await recordAudit({
        action: "user.role_changed",
        actorId: actor.id,
        actorEmail: actor.email,
        targetType: "user",
        targetId: after.id,
        data: { email: after.email, from: before.role, to: after.role, endedSessions },
      });
    }
    revalidatePath("/users");
    return { id: after.id, email: after.email, role: after.role };
  },
);
