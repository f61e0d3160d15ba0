// Legacy hash-payload bootstrap: verifies the (unsigned) payload's token against Ecwid, then returns a session and public data only.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { ControlPanelError, openFromControlPanel } from "@/lib/platforms/ecwid/control-panel";
import { decodeHexPayload, PayloadError } from "@/lib/platforms/ecwid/payload";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ payload: z.string().max(16_384) });

const refuse = (status: number, error: string) => NextResponse.json({ error }, { status, headers: { "cache-control": "no-store" } });

export async function POST(request: NextRequest) {
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return refuse(400, "The request must carry the app payload.");
  try {
    const boot = await openFromControlPanel(decodeHexPayload(body.data.payload), "hash");
    return NextResponse.json(boot, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof PayloadError) return refuse(400, "The app payload from the Control Panel is not valid.");
    if (error instanceof ControlPanelError) return refuse(401, error.message);
    console.error("[ecwid embedded-session]", error instanceof Error ? error.message : "unknown error");
    return refuse(500, "Storelink could not open the app. Please try again.");
  }
}
