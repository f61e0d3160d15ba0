import type { Metadata } from "next";

export const metadata: Metadata = { title: "Storelink for Ecwid", robots: { index: false } };

// The Control Panel iframe page: no dashboard shell, just the app.
export default function EcwidLayout({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto max-w-4xl px-4 py-5">{children}</div>;
}
