import type { NextAuthConfig } from "next-auth";

// The part of the next-auth configuration that needs no database or password hashing. The callbacks that
// tie a cookie to its server-side session (lib/auth/sessions.ts) live in lib/auth/index.ts.
export const SIGN_IN_PATH = "/sign-in";

/** Auth.js renews the cookie while it is used; a session idle this long ends (its absolute end is 24 h). */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;

export const authConfig = {
  pages: { signIn: SIGN_IN_PATH },
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  trustHost: true,
  providers: [],
} satisfies NextAuthConfig;
