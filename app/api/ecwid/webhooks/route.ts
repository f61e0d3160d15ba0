// Ecwid webhooks: body capped while it streams, signature (constant time), age window, eventId dedupe, then a fast 200.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { processEcwidWebhook } from "@/lib/connections/ecwid/webhook-effects";
import { bodyTooLargeResponse } from "@/lib/api/problem-response";
import { BodyTooLargeError, readCappedText } from "@/lib/http/read-capped-body";
import { ecwidAppConfig } from "@/lib/platforms/ecwid/oauth";
import { ecwidWebhookSchema, verifyWebhookSignature } from "@/lib/platforms/ecwid/webhooks";
import { apiSecurityHeaders, withHeaders } from "@/lib/security/headers";

export const dynamic = "force-dynamic";

/**
 * Ecwid retries an undelivered event for 24 h (48 h in an older page) with its original eventCreated
 * (platform-facts §0), so a signed event is accepted for 48 h plus a margin. The age check only bounds how
 * long eventIds must be remembered; replays inside the window are stopped by the eventId dedupe.
 */
const MAX_AGE_SECONDS = 50 * 60 * 60;
/** Ecwid's clock and ours may differ a little; an event from further in the future is not Ecwid's. */
const MAX_CLOCK_SKEW_SECONDS = 15 * 60;
/** Ecwid's events are a few hundred bytes; anyone can post here, so nothing larger is read. */
const MAX_BODY_BYTES = 64 * 1024;

const answer = (status: number, message: string) => NextResponse.json({ status, message }, { status });

// This route skips the proxy (so its body streams in instead of being buffered whole first): it sets the
// API security headers itself.
export async function POST(request: NextRequest) {
  return withHeaders(await receive(request), apiSecurityHeaders(env));
}

async function receive(request: NextRequest): Promise<Response> {
  const app = ecwidAppConfig();
  if (!app) return answer(503, "Ecwid is not configured.");
  const signature = request.headers.get("x-ecwid-webhook-signature");
  if (!signature) return answer(401, "Missing X-Ecwid-Webhook-Signature.");
  let text: string;
  try {
    text = await readCappedText(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(error);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return answer(400, "Body is not JSON.");
  }
  const parsed = ecwidWebhookSchema.safeParse(json);
  if (!parsed.success) return answer(400, "Body is not an Ecwid webhook event.");
  const event = parsed.data;
  if (!verifyWebhookSignature(app.clientSecret, event.eventCreated, event.eventId, signature))
    return answer(401, "Invalid signature.");
  const age = Math.floor(Date.now() / 1000) - event.eventCreated;
  if (age > MAX_AGE_SECONDS || age < -MAX_CLOCK_SKEW_SECONDS) return answer(400, "Event is outside the accepted time window.");

  const outcome = await processEcwidWebhook(event);
  if (outcome === "unknown_store") console.info(`[ecwid webhook] ${event.eventType} for unknown store ${event.storeId}: ignored`);
  return NextResponse.json({ status: 200, outcome });
}
