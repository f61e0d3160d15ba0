// Ecwid OAuth callback without a nonce in the path: an App Market install, or a flow that Ecwid sent back with `state`.
import type { NextRequest } from "next/server";
import { handleEcwidCallback } from "./callback";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  return handleEcwidCallback(request, null);
}
