import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Storelink", template: "%s · Storelink" },
  description: "Connect commerce stores and keep their credentials safe.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so Next stamps each one's scripts with the
  // CSP nonce that proxy.ts generated (a prerendered page would carry none and its scripts would be blocked).
  await headers();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
