import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { authConfig } from "./config";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import { sessionCallbacks } from "./callbacks";
import { openSession } from "./sessions";
import { deviceCookieFor, deviceIdFor, DEVICE_COOKIE } from "./device-cookie";
import { admitSignIn, signInSucceeded } from "./throttle";

export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

const credentialsSchema = z.object({ email: z.email().max(320), password: z.string().min(1).max(512) });

// Lazy so the secret is read at request time from the validated environment, not at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: env.AUTH_SECRET,
  ...sessionCallbacks(db),
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
        const ip = clientAddress(request.headers, env.TRUSTED_PROXY_HOPS);
        const jar = await cookies();
        const attempt = { email, address: ip, deviceId: deviceIdFor(jar.get(DEVICE_COOKIE)?.value, email) };
        const admission = await admitSignIn(db, attempt);
        if (!admission.admitted) {
          await recordAudit({
            action: "auth.sign_in_throttled",
            actorEmail: email,
            ip,
            data: { knownBrowser: !!attempt.deviceId },
          });
          throw new ThrottledSignIn();
        }
        const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
        // The same work whether or not the account exists or is active: one real scrypt comparison, against
        // a dummy hash when there is no account, so the time of the answer does not reveal either.
        const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
        const ok = matches && user?.active === true;
        if (!ok || !user) {
          await recordAudit({ action: "auth.sign_in_failed", actorEmail: email, ip });
          return null;
        }
        await signInSucceeded(db, attempt, admission.trusted);
        await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
        const { sessionId } = await openSession(db, { userId: user.id, ip, userAgent: request.headers.get("user-agent") });
        // This browser is now known for this email: failures elsewhere will not lock it out (throttle.ts).
        const device = deviceCookieFor(email, new URL(request.url).protocol === "https:");
        jar.set(device.name, device.value, device.options);
        await recordAudit({ action: "auth.sign_in", actorId: user.id, actorEmail: email, ip });
        return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId };
      },
    }),
  ],
}));
