"use client";

import { useState } from "react";
import { signOutEverywhere } from "@/lib/actions/users/sign-out-everywhere";

const linkButton = "rounded-md px-2 py-1 text-sm text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300";

/** "Sign out everywhere": ends every session of this account after a confirmation (a lost laptop, a shared one). */
export function SignOutEverywhere() {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className={linkButton} onClick={() => setConfirming(true)}>
        Sign out everywhere
      </button>
    );
  }
  return (
    <form action={signOutEverywhere} role="group" aria-label="Confirm signing out everywhere" className="space-y-1">
      <p className="text-xs text-zinc-700 dark:text-zinc-300">Sign out of every browser, this one included?</p>
      <div className="flex flex-wrap gap-1">
        <button
          type="submit"
          autoFocus
          className="rounded-md bg-red-600 px-2 py-1 text-sm font-medium text-white hover:bg-red-700 dark:bg-red-500 dark:text-zinc-950"
        >
          Yes, sign out everywhere
        </button>
        <button type="button" className={linkButton} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
