import "server-only";
import type { Role } from "@/generated/prisma/client";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db-client";

// Role changes and deactivation, with the one invariant that keeps the dashboard administrable: at least one
// active OWNER always remains. Checked inside the transaction that writes, with the owner rows locked
// (FOR UPDATE), so two owners demoting each other at the same moment can't both succeed. Both end the
// account's sessions in the same transaction: it signs in again with its new role, and reactivating an
// account later does not revive a session it had before.

export class UserAccessError extends Error {
  override name = "UserAccessError";
}

type Change = { userId: string; role?: Role; active?: boolean };

export async function changeUserAccess(client: DbClient, change: Change) {
  return client.$transaction(async (tx) => {
    // Lock every active owner (and the target) before reading: concurrent changes queue here and each sees
    // the other's committed result when it re-reads.
    await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "User" WHERE (role = 'OWNER' AND active) OR id = ${change.userId} ORDER BY id FOR UPDATE`;
    const target = await tx.user.findUnique({
      where: { id: change.userId },
      select: { id: true, email: true, role: true, active: true },
    });
    if (!target) throw new UserAccessError("That account no longer exists.");
    const activeOwners = await tx.user.count({ where: { role: "OWNER", active: true } });
    const role = change.role ?? target.role;
    const active = change.active ?? target.active;
    const losesOwner = target.role === "OWNER" && target.active && (role !== "OWNER" || !active);
    if (losesOwner && activeOwners <= 1) {
      throw new UserAccessError(
        `${target.email} is the only active owner. Make another account an owner first: at least one owner must remain.`,
      );
    }
    const updated = await tx.user.update({
      where: { id: target.id },
      data: { role, active },
      select: { id: true, email: true, role: true, active: true },
    });
    const endedSessions = role !== target.role || (target.active && !active) ? await revokeUserSessions(tx, target.id) : 0;
    return { before: target, after: updated, endedSessions };
  });
}

/** Every dashboard account for the users page (no password hashes: the client omits them by default). */
export function listUsers(client: DbClient = db) {
  return client.user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, role: true, active: true, lastSignInAt: true },
  });
}
