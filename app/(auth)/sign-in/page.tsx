import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/session";
import { safeRelativePath } from "@/lib/security/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeRelativePath(callbackUrl);
  if (await currentUser()) redirect(target);
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <p className="mb-2 text-center text-sm font-semibold tracking-wide text-indigo-700 dark:text-indigo-400">Storelink</p>
        <h1 className="mb-6 text-center text-2xl font-semibold">Sign in to the dashboard</h1>
        <SignInForm callbackUrl={target} />
      </div>
    </main>
  );
}
