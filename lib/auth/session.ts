import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { auth } from "./index";
import { SIGN_IN_PATH } from "./config";
import type { Role } from "./roles";

export type SessionUser = { id: string; email: string; name: string | null; role: Role };

/**
 * The signed-in admin, re-read from the database on every request: a role change or deactivation takes
 * effect at once instead of when the JWT expires. Cached per request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!user?.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(SIGN_IN_PATH);
  return user;
}
