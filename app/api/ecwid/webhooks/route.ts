// Ecwid webhooks: signature (constant time), age window, eventId dedupe, then a fast 200.
import { NextResponse, type NextRequest } from "next/server";
import { ecwidWebhookSchema, processEcwidWebhook } from "@/lib/platforms/ecwid/webhook-events";
import { ecwidAppConfig } from "@/lib/platforms/ecwid/oauth";
import { verifyWebhookSignature } from "@/lib/platforms/ecwid/webhook-signature";

export const dynamic = "force-dynamic";

/** Ecwid's signature never expires, so an old event is refused even when validly signed. */
const MAX_AGE_SECONDS = 15 * 60;
const MAX_BODY_BYTES = 256 * 1024;

const answer = (status: number, message: string) => NextResponse.json({ status, message }, { status });

export async function POST(request: NextRequest) {
  const app = ecwidAppConfig();
  if (!app) return answer(503, "Ecwid is not configured.");
  const signature = request.headers.get("x-ecwid-webhook-signature");
  if (!signature) return answer(401, "Missing X-Ecwid-Webhook-Signature.");
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return answer(413, "Body too large.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return answer(400, "Body is not JSON.");
  }
  const parsed = ecwidWebhookSchema.safeParse(json);
  if (!parsed.success) return answer(400, "Body is not an Ecwid webhook event.");
  const event = parsed.data;
  if (!verifyWebhookSignature(app.clientSecret, event.eventCreated, event.eventId, signature)) return answer(401, "Invalid signature.");
  const age = Math.floor(Date.now() / 1000) - event.eventCreated;
  if (age > MAX_AGE_SECONDS || age < -MAX_AGE_SECONDS) return answer(400, "Event is outside the accepted time window.");

  const outcome = await processEcwidWebhook(event);
  if (outcome === "unknown_store") console.info(`[ecwid webhook] ${event.eventType} for unknown store ${event.storeId}: ignored`);
  return NextResponse.json({ status: 200, outcome });
}
