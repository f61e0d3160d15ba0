import { signOutAction } from "@/lib/actions/sign-out";
import { roleLabel } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";

export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <div className="flex items-center gap-3 text-sm md:flex-col md:items-start">
      <div className="min-w-0">
        <p className="truncate font-medium" title={user.email}>
          {user.email}
        </p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{roleLabel[user.role]}</p>
      </div>
      <form action={signOutAction}>
        <button type="submit" className="rounded-md px-2 py-1 text-sm text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300">
          Sign out
        </button>
      </form>
    </div>
  );
}
