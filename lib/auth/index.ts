import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authConfig } from "./config";
import { verifyPassword } from "./password";
import { clearFailures, lockedFor, recordFailure, throttleKeys } from "./throttle";

export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

const credentialsSchema = z.object({ email: z.email().max(320), password: z.string().min(1).max(512) });

function clientAddress(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || null;
}

// Lazy so the secret is read at request time from the validated environment, not at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: env.AUTH_SECRET,
  logger: {
    // A wrong password or a throttled attempt is expected, and audited (auth.sign_in_failed/_throttled);
    // Auth.js would print each one as an error with a stack trace, burying the errors that matter.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth][error]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const email = parsed.data.email.toLowerCase();
        const ip = clientAddress(request);
        const keys = throttleKeys(email, ip);
        if ((await lockedFor(db, keys)) > 0) {
          await recordAudit({ action: "auth.sign_in_throttled", actorEmail: email, ip });
          throw new ThrottledSignIn();
        }
        const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
        const ok = user?.active === true && (await verifyPassword(parsed.data.password, user.passwordHash));
        if (!ok || !user) {
          await recordFailure(db, keys);
          await recordAudit({ action: "auth.sign_in_failed", actorEmail: email, ip });
          return null;
        }
        await clearFailures(db, email);
        await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
        await recordAudit({ action: "auth.sign_in", actorId: user.id, actorEmail: email, ip });
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
}));
