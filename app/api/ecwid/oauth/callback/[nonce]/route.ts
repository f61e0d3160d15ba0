// Ecwid OAuth callback of a flow started here: its nonce rides in the path, so it is bound even without `state`.
import type { NextRequest } from "next/server";
import { handleEcwidCallback } from "../callback";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ nonce: string }> }) {
  return handleEcwidCallback(request, (await params).nonce);
}
