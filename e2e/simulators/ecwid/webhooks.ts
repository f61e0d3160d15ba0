// Ecwid webhook delivery: POST {webhookUrl}?eventtype=…, signed with
// base64(HMAC-SHA256(client_secret, `${eventCreated}.${eventId}`)) in
// X-Ecwid-Webhook-Signature (platform-facts §4). Delivery rules follow
// docs.ecwid.com/build-apps/webhook-automations/setup-webhooks/how-to-process-webhooks: only
// 200/201/202/204/209 count as delivered; 3 s to connect, 10 s to answer; retries at 15, 30, 45 min,
// 1 h, 2 h … 24 h, each the same event with the same eventCreated and signature. The schedule runs on
// the sandbox clock (context.ts sandboxNow; a store's own clock when one is set), so a test moves the clock
// instead of waiting.
// Ecwid sends webhooks "not in any particular order" (developers.ecwid.com processing-webhooks): a
// hold queues deliveries for a store until the test releases them, to deliver one late.
import { createHmac } from "node:crypto";
import { Agent, fetch } from "undici";
import { sandboxNow, schedule, type SandboxContext } from "../context";
import { takeFault } from "../faults";
import { uuid } from "../ids";
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
    // "old": older than Ecwid's whole retry schedule (24 h; 48 h in an older page), so only a replay can send it.
    const now = Math.floor(sandboxNow(ctx, input.storeId) / 1000);
    const created = variant === "old" ? now - 72 * 3600 : now;
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
    held: takeHold(ctx, event),
    nextAttemptAt: null,
  };
  ecwid.deliveries.push(delivery);
  if (!delivery.held) await attempt(ctx, delivery);
  return delivery;
}

function takeHold(ctx: SandboxContext, event: WebhookEvent): boolean {
  const hold = ctx.state.ecwid.webhookHolds.find(
    (h) => h.remaining > 0 && h.storeId === event.storeId && (!h.eventType || h.eventType === event.eventType),
  );
  if (!hold) return false;
  hold.remaining--;
  return true;
}

/** Sends a held delivery now (and on Ecwid's schedule after that, if it fails). */
export async function releaseDelivery(ctx: SandboxContext, d: WebhookDelivery): Promise<void> {
  if (!d.held) return;
  d.held = false;
  await attempt(ctx, d);
}

const timers = new WeakMap<SandboxContext, Map<number, ReturnType<typeof setTimeout>>>();

/** (Re)arms the timer of a pending delivery for its due time on the sandbox clock. */
function arm(ctx: SandboxContext, d: WebhookDelivery): void {
  let byId = timers.get(ctx);
  if (!byId) timers.set(ctx, (byId = new Map()));
  const previous = byId.get(d.id);
  if (previous) clearTimeout(previous);
  byId.delete(d.id);
  if (!d.pending || d.held || d.nextAttemptAt === null) return;
  const armed = schedule(ctx, Math.max(0, d.nextAttemptAt - sandboxNow(ctx, d.storeId)), () => {
    byId.delete(d.id);
    // A reset between attempts removes the delivery from state; don't resurrect it.
    if (!ctx.state.ecwid.deliveries.includes(d)) return;
    void attempt(ctx, d);
  });
  if (armed) byId.set(d.id, armed);
}

/**
 * An "ecwid-webhooks" fault stands for the app being unreachable (drop: connection refused) or answering
 * a status of the test's choosing, for deliveries whose URL and body match.
 */
function outboundFault(ctx: SandboxContext, url: string, body: string): { status: number | null; error?: string } | null {
  const u = new URL(url);
  const f = takeFault(ctx.state, "ecwid-webhooks", "POST", `${u.pathname}${u.search}`, body);
  if (!f) return null;
  if (f.drop || f.status === undefined) return { status: null, error: "connect ECONNREFUSED (sandbox fault: the app is down)" };
  return { status: f.status };
}

/** After the clock moved: retries that are now due fire at once, the others wait for their new time. */
export function rearmAll(ctx: SandboxContext): void {
  for (const d of ctx.state.ecwid.deliveries) if (d.pending && !d.held) arm(ctx, d);
}

const agents = new Map<number, Agent>();

/** One dispatcher per connect timeout (Ecwid: 3 s); the 10 s for the answer is the attempt's abort signal. */
function agentFor(connectMs: number): Agent {
  let agent = agents.get(connectMs);
  if (!agent) agents.set(connectMs, (agent = new Agent({ connect: { timeout: connectMs } })));
  return agent;
}

async function attempt(ctx: SandboxContext, d: WebhookDelivery): Promise<void> {
  const cfg = ctx.state.ecwid.config;
  const started = Date.now();
  const at = sandboxNow(ctx, d.storeId);
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=UTF-8",
    "user-agent": "Ecwid-Webhooks-Sandbox",
  };
  if (d.signature !== null) headers["x-ecwid-webhook-signature"] = d.signature;
  const body = JSON.stringify(d.body);
  let status: number | null = null;
  let error: string | undefined;
  const faulted = outboundFault(ctx, d.url, body);
  if (faulted) {
    ({ status } = faulted);
    if (faulted.error) error = faulted.error;
  } else {
    try {
      const res = await fetch(d.url, {
        method: "POST",
        headers,
        body,
        redirect: "manual", // 3xx counts as failure on Ecwid; never follow.
        dispatcher: agentFor(cfg.webhookConnectTimeoutMs),
        // Counted from the start of the attempt: at most 10 s in all, never more than Ecwid allows.
        signal: AbortSignal.timeout(cfg.webhookTimeoutMs),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (e) {
      error = e instanceof Error ? `${e.message}${e.cause instanceof Error ? `: ${e.cause.message}` : ""}` : String(e);
    }
  }
  d.attempts.push({ at, status, durationMs: Date.now() - started, ...(error ? { error } : {}) });
  if (status !== null && DELIVERED_STATUSES.has(status)) {
    d.delivered = true;
    d.pending = false;
    d.nextAttemptAt = null;
    return;
  }
  if (d.attempts.length >= cfg.webhookMaxAttempts) {
    d.pending = false;
    d.nextAttemptAt = null;
    return;
  }
  const delays = cfg.webhookRetryDelaysMs;
  const delay = delays[Math.min(d.attempts.length - 1, delays.length - 1)] ?? 15 * 60_000;
  d.nextAttemptAt = at + delay;
  arm(ctx, d);
}

/** Fires an automatic event if the app is installed in the store and its scopes allow it (platform-facts §4). */
export function fireAutomatic(
  ctx: SandboxContext,
  storeId: number,
  eventType: string,
  entityId: number | string,
  data?: Record<string, unknown>,
): void {
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
