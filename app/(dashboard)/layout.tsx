import Link from "next/link";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { requireUser } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-dvh md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <header className="border-b border-zinc-200 bg-white px-4 py-3 md:w-60 md:shrink-0 md:border-r md:border-b-0 md:py-6 dark:border-zinc-800 dark:bg-zinc-900">
        <nav
          aria-label="Main"
          className="flex flex-wrap items-center justify-between gap-4 md:h-full md:flex-col md:items-stretch md:justify-start"
        >
          <Link href="/" className="text-lg font-semibold tracking-tight text-indigo-700 dark:text-indigo-400">
            Storelink
          </Link>
          <NavLinks />
          <div className="md:mt-auto">
            <UserMenu user={user} />
          </div>
        </nav>
      </header>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
        {children}
      </main>
    </div>
  );
}
