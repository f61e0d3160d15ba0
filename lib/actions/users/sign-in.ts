"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { safeRelativePath } from "@/lib/security/safe-redirect";

export type SignInState = { error?: string; email?: string };

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "Enter your email and password.", email };
  try {
    await signIn("credentials", { email, password, redirectTo: safeRelativePath(String(form.get("callbackUrl") ?? "")) });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "throttled") {
        return {
          error:
            "Too many failed sign-ins for this account from this browser or address. Wait 15 minutes and try again, or use a browser you have signed in with before.",
          email,
        };
      }
      return { error: "That email and password don't match an active account.", email };
    }
    throw error; // the redirect after a successful sign-in is thrown too; let Next handle it
  }
}
