import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { assertPublicHttpsUrl, OutboundUrlError } from "@/lib/security/outbound-url";
import { newEndpointSecret, openEndpointSecret, sealEndpointSecret, sealPreviousSecret } from "./endpoint-secrets";
import { isWebhookEventType } from "./events";
import { writeMessage } from "./outbox";

// An app's webhook endpoints: created with a URL that passes the same private-address check as custom
// platform URLs (and again before every delivery, after DNS), event filters, a secret shown once.

export const SECRET_GRACE_MS = 24 * 60 * 60_000;

export class EndpointError extends Error {
  override name = "EndpointError";
}

function checkUrl(raw: string): string {
  try {
    return assertPublicHttpsUrl(raw.trim(), { allowPrivateHosts: env.STORELINK_ALLOW_PRIVATE_HOSTS }).toString();
  } catch (error) {
    if (error instanceof OutboundUrlError)
      throw new EndpointError("Storelink can only send webhooks to https URLs on public hosts.");
    throw error;
  }
}

function checkEvents(events: string[]): string[] {
  const unknown = events.filter((e) => !isWebhookEventType(e));
  if (unknown.length) throw new EndpointError(`Unknown event types: ${unknown.join(", ")}.`);
  return [...new Set(events)];
}

/** A new endpoint; returns its signing secret, to be shown once. */
export async function createEndpoint(appId: string, input: { url: string; events: string[] }) {
  const url = checkUrl(input.url);
  const events = checkEvents(input.events);
  const secret = newEndpointSecret();
  const created = await db.$transaction(async (tx) => {
    const placeholder = sealEndpointSecret("pending", secret);
    const row = await tx.webhookEndpoint.create({ data: { appId, url, events, ...placeholder } });
    // Sealed with the row id as associated data, so it is written once the id exists.
    await tx.webhookEndpoint.update({ where: { id: row.id }, data: sealEndpointSecret(row.id, secret) });
    return row;
  });
  return { id: created.id, url, events, secret };
}

export async function updateEndpoint(endpointId: string, input: { url?: string; events?: string[]; enabled?: boolean }) {
  return db.webhookEndpoint.update({
    where: { id: endpointId },
    data: {
      ...(input.url !== undefined && { url: checkUrl(input.url) }),
      ...(input.events !== undefined && { events: checkEvents(input.events) }),
      ...(input.enabled === true && { disabledAt: null, disabledReason: null, failingSince: null }),
      ...(input.enabled === false && { disabledAt: new Date(), disabledReason: "Disabled by an admin." }),
    },
  });
}

/** A new secret; the old one keeps signing for 24 hours so the receiver can switch without losing events. */
export async function rotateEndpointSecret(endpointId: string, now = new Date()) {
  const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
  const previous = openEndpointSecret(row.id, row);
  const secret = newEndpointSecret();
  await db.webhookEndpoint.update({
    where: { id: endpointId },
    data: {
      ...sealEndpointSecret(row.id, secret),
      previousSecret: sealPreviousSecret(row.id, previous),
      previousUntil: new Date(now.getTime() + SECRET_GRACE_MS),
    },
  });
  return { secret, previousUntil: new Date(now.getTime() + SECRET_GRACE_MS) };
}

export async function deleteEndpoint(endpointId: string) {
  await db.webhookEndpoint.delete({ where: { id: endpointId } });
}

/** Sends a message again now (an admin's replay): it goes back to the queue with its attempts kept. */
export async function replayMessage(messageId: string, now = new Date()) {
  return db.webhookMessage.update({
    where: { id: messageId },
    data: { status: "PENDING", nextAttemptAt: now, deliveredAt: null },
  });
}

/** A test.ping through the normal outbox and delivery path. */
export async function sendTestEvent(endpointId: string, actorEmail: string) {
  return db.$transaction((tx) =>
    writeMessage(tx, endpointId, "test.ping", { message: "A test event from Storelink's dashboard", sentBy: actorEmail }),
  );
}

/** Deliveries for the dashboard: newest first, with every attempt. Never the secret or the payload's full body. */
export function listDeliveries(endpointId: string, take = 50) {
  return db.webhookMessage.findMany({
    where: { endpointId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      eventType: true,
      sequence: true,
      status: true,
      attempts: true,
      createdAt: true,
      deliveredAt: true,
      nextAttemptAt: true,
      lastStatus: true,
      lastLatencyMs: true,
      lastError: true,
      lastBody: true,
      attemptLog: { orderBy: { at: "asc" }, select: { at: true, status: true, latencyMs: true, error: true } },
    },
  });
}

/** An endpoint's URL and app (the deliveries page's header). */
export function endpointSummary(endpointId: string) {
  return db.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: { id: true, appId: true, url: true, app: { select: { name: true } } },
  });
}
