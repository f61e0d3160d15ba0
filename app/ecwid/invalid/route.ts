// The 400 page for a Control Panel request Storelink refused (bad payload or rejected token); it echoes nothing.
import type { NextRequest } from "next/server";
import { htmlPage } from "@/lib/http/html-page";

export const dynamic = "force-dynamic";

const reasons = {
  payload: "The app was opened with a payload Storelink could not read or verify.",
  token: "The token this page was opened with is not the store's secret token.",
  uninstalled: "The app was uninstalled from this store; install it again from the Ecwid App Market.",
  unavailable: "Ecwid could not be reached to verify it; reopen the app in a moment.",
} as const;

export function GET(request: NextRequest) {
  const asked = request.nextUrl.searchParams.get("reason");
  const reason = asked === "token" || asked === "unavailable" || asked === "uninstalled" ? asked : "payload";
  return htmlPage({
    status: 400,
    tone: "error",
    title: "This page must be opened from the Ecwid Control Panel",
    lead: `${reasons[reason]} Nothing was stored.`,
    blocks: [
      {
        kind: "p",
        text: "Reopen the app: close this tab and open Storelink again from your store's Control Panel (Apps → Storelink).",
      },
    ],
  });
}
