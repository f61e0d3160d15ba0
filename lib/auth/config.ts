import type { NextAuthConfig } from "next-auth";
import type { Role } from "./roles";

// The part of the next-auth configuration that the proxy needs: no database, no password hashing.
export const SIGN_IN_PATH = "/sign-in";

export const authConfig = {
  pages: { signIn: SIGN_IN_PATH },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: Role }).role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid as string;
        (session.user as { role?: Role }).role = token.role as Role;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
