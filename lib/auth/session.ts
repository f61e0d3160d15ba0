import "server-only";
import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { SIGN_IN_PATH } from "./config";
import type { Role } from "./roles";
import { activeSession } from "./sessions";

export type SessionUser = { id: string; email: string; name: string | null; role: Role };

/** Auth.js names its cookie `__Secure-…` when its URL (AUTH_URL, else the forwarded protocol) is https. */
function secureCookie(requestHeaders: Headers): boolean {
  return (env.AUTH_URL ?? `${requestHeaders.get("x-forwarded-proto") ?? "http"}:`).startsWith("https:");
}

/**
 * The signed-in admin of this request, or null: the cookie must decode (Auth.js's encrypted JWT) and its
 * server-side session must be active (not signed out, not revoked by "sign out everywhere", a deactivation
 * or a role change, within 24 h of sign-in), with the user's current role. Every page and action asks this,
 * so a revoked cookie that the proxy still lets through loads nothing. Cached per request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const requestHeaders = await headers();
  // The cookie only (getToken would also take an Authorization: Bearer JWT, which no page sends).
  const cookie = { cookie: requestHeaders.get("cookie") ?? "" };
  const token = await getToken({ req: { headers: cookie }, secret: env.AUTH_SECRET, secureCookie: secureCookie(requestHeaders) });
  const session = await activeSession(db, token?.sid);
  if (!session) return null;
  return { id: session.id, email: session.email, name: session.name, role: session.role };
});

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(SIGN_IN_PATH);
  return user;
}
