"use server";

import { signOut } from "@/lib/auth";
import { SIGN_IN_PATH } from "@/lib/auth/config";

export async function signOutUser(): Promise<void> {
  await signOut({ redirectTo: SIGN_IN_PATH });
}
