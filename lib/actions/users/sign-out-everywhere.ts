"use server";

import { recordAudit } from "@/lib/audit/record";
import { signOut } from "@/lib/auth";
import { SIGN_IN_PATH } from "@/lib/auth/config";
import { currentUser } from "@/lib/auth/session";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

/** Ends every session of the signed-in account (every browser, this one included), then signs this one out. */
export async function signOutEverywhere(): Promise<void> {
  const user = await currentUser();
  if (user) {
    const ended = await revokeUserSessions(db, user.id);
    await recordAudit({
      action: "auth.signed_out_everywhere",
      actorId: user.id,
      actorEmail: user.email,
      targetType: "user",
      targetId: user.id,
      data: { sessions: ended },
    });
  }
  await signOut({ redirectTo: SIGN_IN_PATH });
}
