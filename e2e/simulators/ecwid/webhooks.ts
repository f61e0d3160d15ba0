// Ecwid webhook delivery: POST {webhookUrl}?eventtype=…, signed with
// base64(HMAC-SHA256(client_secret, `${eventCreated}.${eventId}`)) in
// X-Ecwid-Webhook-Signature (platform-facts §4). Only 200/201/202/204/209 count
// as delivered; anything else is retried with short, configurable delays
// (Ecwid's real schedule starts at 15 minutes, useless for tests).
import { createHmac } from "node:crypto";
import { schedule, type SandboxContext } from "../context";
import { nowSeconds, uuid } from "../ids";
import type { WebhookDelivery, WebhookEvent, WebhookVariant } from "../state";

export const DELIVERED_STATUSES = new Set([200, 201, 202, 204, 209]);

export function signWebhook(secret: string, eventCreated: number, eventId: string): string {
  return createHmac("sha256", secret).update(`${eventCreated}.${eventId}`).digest("base64");
}

export interface SendWebhookInput {
  storeId: number;
  eventType: string;
  entityId?: number | string;
  data?: Record<string, unknown>;
  variant?: WebhookVariant;
  eventId?: string;
}

let nextDeliveryId = 1;

/**
 * Builds, signs and delivers one event. Resolves after the first attempt so the
 * caller (control API, REST handler) can report the app's status code; retries
 * continue in the background.
 */
export async function sendWebhook(ctx: SandboxContext, input: SendWebhookInput): Promise<WebhookDelivery> {
  const { ecwid } = ctx.state;
  const variant = input.variant ?? "valid";
  let event: WebhookEvent;
  const previous = input.eventId ? ecwid.events.get(input.eventId) : undefined;
  if (variant === "replayed") {
    // A replay is byte-for-byte the same event (same id, same timestamp, still validly signed).
    const last = previous ?? [...ecwid.deliveries].reverse().find((d) => d.storeId === input.storeId)?.body;
    if (!last) throw new Error("no earlier event to replay for this store; send one first or pass eventId");
    event = last;
  } else {
    const isApp = input.eventType.startsWith("application.");
    const created = variant === "old" ? nowSeconds() - 3600 : nowSeconds();
    event = {
      eventId: input.eventId ?? uuid(),
      eventCreated: created,
      storeId: input.storeId,
      // application.* events carry the store id as a string; others a number (platform-facts §4).
      entityId: input.entityId ?? (isApp ? String(input.storeId) : 0),
      eventType: input.eventType,
      ...(input.data ? { data: input.data } : {}),
    };
    if (isApp && typeof event.entityId === "number") event.entityId = String(event.entityId);
    ecwid.events.set(event.eventId, event);
  }

  const secret = ecwid.app.clientSecret;
  let signature: string | null = signWebhook(secret, event.eventCreated, event.eventId);
  if (variant === "forged") signature = signWebhook("not-the-client-secret", event.eventCreated, event.eventId);
  if (variant === "unsigned") signature = null;

  const url = new URL(ecwid.app.webhookUrl);
  url.searchParams.set("eventtype", event.eventType);
  const delivery: WebhookDelivery = {
    id: nextDeliveryId++,
    eventId: event.eventId,
    eventType: event.eventType,
    storeId: event.storeId,
    variant,
    url: url.toString(),
    body: event,
    signature,
    attempts: [],
    delivered: false,
    pending: true,
  };
  ecwid.deliveries.push(delivery);
  await attempt(ctx, delivery);
  return delivery;
}

async function attempt(ctx: SandboxContext, d: WebhookDelivery): Promise<void> {
  const cfg = ctx.state.ecwid.config;
  const started = Date.now();
  const headers: Record<string, string> = { "content-type": "application/json; charset=UTF-8", "user-agent": "Ecwid-Webhooks-Sandbox" };
  if (d.signature !== null) headers["x-ecwid-webhook-signature"] = d.signature;
  let status: number | null = null;
  let error: string | undefined;
  try {
    const res = await fetch(d.url, {
      method: "POST",
      headers,
      body: JSON.stringify(d.body),
      redirect: "manual", // 3xx counts as failure on Ecwid; never follow.
      signal: AbortSignal.timeout(cfg.webhookTimeoutMs),
    });
    status = res.status;
    await res.arrayBuffer().catch(() => undefined);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  d.attempts.push({ at: started, status, durationMs: Date.now() - started, ...(error ? { error } : {}) });
  if (status !== null && DELIVERED_STATUSES.has(status)) {
    d.delivered = true;
    d.pending = false;
    return;
  }
  if (d.attempts.length >= cfg.webhookMaxAttempts) {
    d.pending = false;
    return;
  }
  const delays = cfg.webhookRetryDelaysMs;
  const delay = delays[Math.min(d.attempts.length - 1, delays.length - 1)] ?? 1000;
  schedule(ctx, delay, () => {
    // A reset between attempts removes the delivery from state; don't resurrect it.
    if (!ctx.state.ecwid.deliveries.includes(d)) return;
    void attempt(ctx, d);
  });
}

/** Fires an automatic event if the app is installed in the store and its scopes allow it (platform-facts §4). */
export function fireAutomatic(ctx: SandboxContext, storeId: number, eventType: string, entityId: number | string, data?: Record<string, unknown>): void {
  const store = ctx.state.ecwid.stores.get(storeId);
  const inst = store?.installation;
  const needed = eventType.startsWith("order.") ? "read_orders" : eventType.startsWith("product.") ? "read_catalog" : null;
  if (!eventType.startsWith("application.")) {
    if (!inst || inst.clientId !== ctx.state.ecwid.app.clientId) return;
    if (needed && !inst.scopes.includes(needed)) return;
  }
  sendWebhook(ctx, { storeId, eventType, entityId, ...(data ? { data } : {}) }).catch((e: unknown) =>
    ctx.log(`webhook ${eventType} failed: ${e instanceof Error ? e.message : String(e)}`),
  );
}
