import "server-only";
import type { NextAuthConfig } from "next-auth";
import type { DbClient } from "@/lib/db-client";
import type { Role } from "./roles";
import { activeSession, revokeSession } from "./sessions";

// The Auth.js callbacks that tie the JWT cookie to its server-side session (lib/auth/sessions.ts).
// `jwt` runs on sign-in and on every read of the session (/api/auth/session, auth()); when it returns null,
// Auth.js answers "no session" and clears the cookie instead of renewing it (@auth/core
// lib/actions/session.js), so a revoked, expired or deactivated session is never renewed, and the role it
// reports is the user's current one.

export function sessionCallbacks(client: DbClient) {
  const callbacks = {
    async jwt({ token, user }) {
      if (user) token.sid = (user as { sessionId?: string }).sessionId;
      const session = await activeSession(client, token.sid);
      if (!session) return null;
      return { ...token, uid: session.id, role: session.role, email: session.email, name: session.name };
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid as string;
        (session.user as { role?: Role }).role = token.role as Role;
      }
      return session;
    },
  } satisfies NextAuthConfig["callbacks"];
  const events = {
    // Sign-out ends this session on the server too, so a copy of the cookie is worthless afterwards.
    async signOut(message) {
      if ("token" in message) await revokeSession(client, message.token?.sid);
    },
  } satisfies NextAuthConfig["events"];
  return { callbacks, events };
}
