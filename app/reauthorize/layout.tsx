import type { ReactNode } from "react";

// Public pages for store owners following a re-authorize link (no dashboard session).
export default function ReauthorizeLayout({ children }: { children: ReactNode }) {
  return <main className="mx-auto max-w-xl px-4 py-16">{children}</main>;
}
