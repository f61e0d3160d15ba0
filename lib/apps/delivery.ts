import "server-only";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db-client";
import { env } from "@/lib/env";
import { upstream, type UpstreamSend } from "@/lib/platforms/http";
import { checkOutboundUrl } from "@/lib/security/outbound-url";
import { openEndpointSecret, openPreviousSecret, signatureHeader } from "./endpoint-secrets";
import { relayConnectionEvents } from "./relay";

// Delivery from the outbox, on every instance: due messages are claimed with FOR UPDATE SKIP LOCKED and a
// short lease (so two instances never send the same attempt, and a crashed one's claims come due again),
// then POSTed with Standard Webhooks headers, 5 s to answer, no redirects followed. A 2xx delivers; anything
// else retries with exponential backoff and jitter, for up to 3 days; an endpoint failing for 5 days in a
// row is disabled (the dashboard's home page says so). Every attempt is kept for the dashboard.

export const DELIVERY_TIMEOUT_MS = 5_000;
export const GIVE_UP_AFTER_MS = 3 * 24 * 60 * 60_000;
export const DISABLE_AFTER_MS = 5 * 24 * 60 * 60_000;
const LEASE_MS = 60_000;
const MAX_STEP_MS = 6 * 60 * 60_000;
const BATCH = 20;

/** Retry delay after the n-th failed attempt (1-based): base × 2^(n-1), ±25 % jitter, at most 6 h. */
export function retryDelayMs(attempts: number, base = env.STORELINK_WEBHOOK_RETRY_BASE_MS, random = Math.random): number {
  const step = Math.min(MAX_STEP_MS, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(step * (0.75 + random() * 0.5));
}

export async function claimDueMessages(client: DbClient, now = new Date(), limit = BATCH): Promise<string[]> {
  return client.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT m."id" FROM "WebhookMessage" m
      JOIN "WebhookEndpoint" e ON e."id" = m."endpointId" AND e."disabledAt" IS NULL
      WHERE m."status" = 'PENDING' AND m."nextAttemptAt" <= ${now}
      ORDER BY m."nextAttemptAt" ASC, m."sequence" ASC
      LIMIT ${limit}
      FOR UPDATE OF m SKIP LOCKED`;
    const ids = rows.map((r) => r.id);
    if (ids.length)
      await tx.webhookMessage.updateMany({
        where: { id: { in: ids } },
        data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
      });
    return ids;
  });
}

export type AttemptOutcome = { delivered: boolean; status: number | null; latencyMs: number; error: string | null };

/** One attempt at one message; records it and decides what happens next. */
export async function attemptDelivery(
  messageId: string,
  options: { client?: DbClient; send?: UpstreamSend; now?: () => Date } = {},
): Promise<AttemptOutcome> {
  const client = options.client ?? db;
  const now = options.now ?? (() => new Date());
  const message = await client.webhookMessage.findUniqueOrThrow({ where: { id: messageId }, include: { endpoint: true } });
  const endpoint = message.endpoint;
  const started = now();
  const body = JSON.stringify(message.payload);
  let status: number | null = null;
  let error: string | null = null;
  let answer: string | null = null;
  try {
    const url = await checkOutboundUrl(endpoint.url, { allowPrivateHosts: env.STORELINK_ALLOW_PRIVATE_HOSTS });
    const secrets = [openEndpointSecret(endpoint.id, endpoint)];
    const previous =
      endpoint.previousUntil && endpoint.previousUntil > started
        ? openPreviousSecret(endpoint.id, endpoint.previousSecret)
        : null;
    if (previous) secrets.push(previous);
    const response = await (options.send ?? upstream)(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Storelink-Webhooks/1",
        "webhook-id": message.id,
        "webhook-timestamp": String(Math.floor(started.getTime() / 1000)),
        "webhook-signature": signatureHeader(secrets, message.id, started, body),
      },
      body,
      timeoutMs: DELIVERY_TIMEOUT_MS,
    });
    status = response.status;
    answer = (await response.text().catch(() => "")).slice(0, 500);
  } catch (failure) {
    error = failure instanceof Error ? failure.message.slice(0, 300) : "delivery failed";
  }
  const finished = now();
  const latencyMs = finished.getTime() - started.getTime();
  const delivered = status !== null && status >= 200 && status < 300;
  if (!delivered && !error) error = `answered ${status}`;
  await record(client, message, { delivered, status, latencyMs, error, answer }, finished);
  return { delivered, status, latencyMs, error };
}

async function record(
  client: DbClient,
  message: { id: string; attempts: number; createdAt: Date; endpointId: string; endpoint: { failingSince: Date | null } },
  a: { delivered: boolean; status: number | null; latencyMs: number; error: string | null; answer: string | null },
  now: Date,
) {
  const attempts = message.attempts + 1;
  const gaveUp = !a.delivered && now.getTime() - message.createdAt.getTime() >= GIVE_UP_AFTER_MS;
  await client.$transaction([
    client.webhookAttempt.create({
      data: {
        messageId: message.id,
        at: now,
        status: a.status,
        latencyMs: a.latencyMs,
        error: a.delivered ? null : a.error,
        body: a.answer,
      },
    }),
    client.webhookMessage.update({
      where: { id: message.id },
      data: {
        attempts,
        lastAttemptAt: now,
        lastStatus: a.status,
        lastLatencyMs: a.latencyMs,
        lastError: a.delivered ? null : a.error,
        lastBody: a.answer,
        ...(a.delivered
          ? { status: "DELIVERED", deliveredAt: now }
          : gaveUp
            ? { status: "FAILED" }
            : { nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) }),
      },
    }),
  ]);
  if (a.delivered) {
    if (message.endpoint.failingSince)
      await client.webhookEndpoint.update({ where: { id: message.endpointId }, data: { failingSince: null } });
    return;
  }
  const since = message.endpoint.failingSince ?? now;
  const disable = now.getTime() - since.getTime() >= DISABLE_AFTER_MS;
  await client.webhookEndpoint.update({
    where: { id: message.endpointId },
    data: {
      failingSince: since,
      ...(disable && {
        disabledAt: now,
        disabledReason: "Every delivery failed for 5 days: Storelink stopped sending. Fix the receiver, then enable it again.",
      }),
    },
  });
}

/** One pass: claim what is due and attempt each (a few at a time). */
export async function deliverDueWebhooks(
  options: { client?: DbClient; send?: UpstreamSend; now?: () => Date } = {},
): Promise<number> {
  const client = options.client ?? db;
  const ids = await claimDueMessages(client, (options.now ?? (() => new Date()))());
  for (let i = 0; i < ids.length; i += 4) {
    await Promise.all(
      ids
        .slice(i, i + 4)
        .map((id) =>
          attemptDelivery(id, options).catch((e: unknown) =>
            console.error(`[webhooks] ${id}:`, e instanceof Error ? e.message : e),
          ),
        ),
    );
  }
  return ids.length;
}

const holder = globalThis as unknown as { storelinkWebhookLoop?: NodeJS.Timeout };

/** Every second in this process: relay new timeline entries to the outbox, then deliver (STORELINK_WEBHOOKS=off stops it). */
export function startWebhookDelivery(): boolean {
  if (env.STORELINK_WEBHOOKS === "off" || holder.storelinkWebhookLoop) return false;
  let running = false;
  holder.storelinkWebhookLoop = setInterval(() => {
    if (running) return;
    running = true;
    relayConnectionEvents(db)
      .then(() => deliverDueWebhooks())
      .catch((e: unknown) => console.error("[webhooks] delivery pass failed:", e instanceof Error ? e.message : e))
      .finally(() => (running = false));
  }, 1_000);
  holder.storelinkWebhookLoop.unref();
  return true;
}

export function stopWebhookDelivery(): void {
  clearInterval(holder.storelinkWebhookLoop);
  holder.storelinkWebhookLoop = undefined;
}
