import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Not found" };

// Storelink's own 404 page: unknown URLs, and paths that cannot be read (a malformed percent-escape is
// sent here by the proxy rather than crashing the router).
export default function NotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16">
      <EmptyState title="This page does not exist" action={<ButtonLink href="/">Go to the dashboard</ButtonLink>}>
        The link may be mistyped, or the store it pointed to was removed.
      </EmptyState>
    </main>
  );
}
