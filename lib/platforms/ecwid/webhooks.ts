import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

// Ecwid's webhook body (platform-facts §4; `entityId` is a string for application.* events) and its signature.
// Ecwid signs `"{eventCreated}.{eventId}"` with the app's client_secret: base64(HMAC-SHA256). The
// signature covers neither the store nor the data, so callers also dedupe by eventId and cap the age.

export function webhookSignature(clientSecret: string, eventCreated: number, eventId: string): string {
  return createHmac("sha256", clientSecret).update(`${eventCreated}.${eventId}`).digest("base64");
}

/** Constant-time check of X-Ecwid-Webhook-Signature; a missing or malformed header is simply invalid. */
export function verifyWebhookSignature(
  clientSecret: string,
  eventCreated: number,
  eventId: string,
  presented: string | null,
): boolean {
  if (!presented) return false;
  const expected = Buffer.from(webhookSignature(clientSecret, eventCreated, eventId), "utf8");
  const given = Buffer.from(presented.trim(), "utf8");
  // timingSafeEqual needs equal lengths; compare against itself to spend the same time either way.
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(given, expected);
}

export const ecwidWebhookSchema = z.object({
  eventId: z.string().min(1).max(200),
  eventCreated: z.number().int().positive(),
  storeId: z.number().int().positive(),
  entityId: z.union([z.number(), z.string().max(200)]).optional(),
  eventType: z.string().min(1).max(100),
  data: z.record(z.string(), z.unknown()).optional(),
});

export type EcwidWebhook = z.output<typeof ecwidWebhookSchema>;
