import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { DbClient, DbTransaction } from "@/lib/db-client";
import type { Role } from "./roles";

// Server-side sessions behind Auth.js's JWT cookie (a Credentials provider requires the JWT strategy).
// The cookie carries a random session id; the UserSession row, found by the id's SHA-256 (the database
// never holds the id itself), decides whether that cookie still counts. Revoking a row ends the session
// on its next request, on every instance, whatever the cookie says. Auth.js keeps renewing the cookie
// while it is used (8 h idle timeout); the row ends the session 24 h after sign-in regardless.

/** A session's absolute lifetime: renewal never extends it. */
export const SESSION_LIFETIME_MS = 24 * 60 * 60_000;

export type ActiveSession = { sessionId: string; id: string; email: string; name: string | null; role: Role };

type Client = DbClient | DbTransaction;

const hashOf = (sessionId: string) => createHash("sha256").update(sessionId, "utf8").digest("base64url");

/** Opens a session for a user who just proved their password; returns the id for the JWT. */
export async function openSession(
  client: Client,
  input: { userId: string; ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ sessionId: string; expiresAt: Date }> {
  const sessionId = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await client.userSession.create({
    data: {
      idHash: hashOf(sessionId),
      userId: input.userId,
      createdAt: now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
  });
  // Housekeeping: this user's sessions that ended more than a day ago are of no further use.
  await client.userSession.deleteMany({
    where: { userId: input.userId, expiresAt: { lt: new Date(now.getTime() - SESSION_LIFETIME_MS) } },
  });
  return { sessionId, expiresAt };
}

/**
 * The session and its user as they are now, or null when the id is unknown, the session was revoked or has
 * passed its absolute lifetime, or the account is deactivated. The role is the current one, not the JWT's.
 */
export async function activeSession(client: Client, sessionId: unknown, now = new Date()): Promise<ActiveSession | null> {
  if (typeof sessionId !== "string" || sessionId.length < 20 || sessionId.length > 100) return null;
  const row = await client.userSession.findUnique({
    where: { idHash: hashOf(sessionId) },
    select: {
      revokedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, role: true, active: true } },
    },
  });
  if (!row || row.revokedAt || row.expiresAt <= now || !row.user.active) return null;
  return { sessionId, id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role };
}

/** Ends one session (sign-out). */
export async function revokeSession(client: Client, sessionId: unknown, now = new Date()): Promise<void> {
  if (typeof sessionId !== "string") return;
  await client.userSession.updateMany({ where: { idHash: hashOf(sessionId), revokedAt: null }, data: { revokedAt: now } });
}

/** Ends every session of a user ("sign out everywhere", deactivation, role change, password reset). */
export async function revokeUserSessions(client: Client, userId: string, now = new Date()): Promise<number> {
  const { count } = await client.userSession.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  return count;
}
