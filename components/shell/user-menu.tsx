import { signOutUser } from "@/lib/actions/users/sign-out";
import { roleLabel } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { SignOutEverywhere } from "./sign-out-everywhere";

export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <div className="flex items-center gap-3 text-sm md:flex-col md:items-start">
      <div className="min-w-0">
        <p className="truncate font-medium" title={user.email}>
          {user.email}
        </p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{roleLabel[user.role]}</p>
      </div>
      <div className="flex flex-wrap items-start gap-1 md:flex-col">
        <form action={signOutUser}>
          <button
            type="submit"
            className="rounded-md px-2 py-1 text-sm text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300"
          >
            Sign out
          </button>
        </form>
        <SignOutEverywhere />
      </div>
    </div>
  );
}
