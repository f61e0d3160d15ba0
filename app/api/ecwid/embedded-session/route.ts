// Legacy hash-payload bootstrap: verifies the (unsigned) payload's token against Ecwid, then returns a session and public data only.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { ControlPanelError, openFromControlPanel } from "@/lib/connections/ecwid/control-panel";
import { env } from "@/lib/env";
import { bodyTooLargeResponse } from "@/lib/api/problem-response";
import { BodyTooLargeError, readCappedText } from "@/lib/http/read-capped-body";
import { decodeHexPayload, PayloadError } from "@/lib/platforms/ecwid/payload";
import { apiSecurityHeaders, withHeaders } from "@/lib/security/headers";

export const dynamic = "force-dynamic";

/** The payload is at most 16 KB of hex; anyone can post here, so nothing past 64 KB is read. */
const MAX_BODY_BYTES = 64 * 1024;
const bodySchema = z.object({ payload: z.string().max(16_384) });

const refuse = (status: number, error: string) =>
  NextResponse.json({ error }, { status, headers: { "cache-control": "no-store" } });

// This route skips the proxy (so its body streams in instead of being buffered whole first): it sets the
// API security headers itself.
export async function POST(request: NextRequest) {
  return withHeaders(await open(request), apiSecurityHeaders(env));
}

async function open(request: NextRequest): Promise<Response> {
  let text: string;
  try {
    text = await readCappedText(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(error);
    throw error;
  }
  const body = bodySchema.safeParse(parseJson(text));
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
