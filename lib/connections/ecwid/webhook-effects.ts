import "server-only";
import { db } from "@/lib/db";
import type { EcwidWebhook } from "@/lib/platforms/ecwid/webhooks";
import { recordConnectionEvent } from "@/lib/connections/events";
import { revokeEcwidConnection } from "@/lib/connections/ecwid/install";

// What an Ecwid webhook does to Storelink, after the route has verified its signature and age. An
// uninstall older than the store's latest install is recorded as stale and revokes nothing. Idempotent
// on eventId: the WebhookEvent primary key is written in the same transaction as the effect, so a
// duplicate does nothing and a failure rolls back for Ecwid's retry.

export type WebhookOutcome = "processed" | "duplicate" | "unknown_store" | "stale";

const TIMELINE_PREFIXES = ["application.", "order.", "product."];

export async function processEcwidWebhook(event: EcwidWebhook, now = new Date()): Promise<WebhookOutcome> {
  const connection = await db.connection.findUnique({
    where: { platform_externalId: { platform: "ECWID", externalId: String(event.storeId) } },
    select: { id: true, status: true },
  });
  return db.$transaction(async (tx) => {
    const inserted = await tx.webhookEvent.createMany({
      data: [
        {
          id: `ecwid:${event.eventId}`,
          platform: "ECWID",
          eventType: event.eventType,
          externalId: String(event.storeId),
          connectionId: connection?.id ?? null,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return "duplicate";
    if (!connection) return "unknown_store";

    if (event.eventType === "application.uninstalled") {
      if (connection.status === "REVOKED") return "processed";
      const installedAt = await latestInstall(connection.id, tx);
      // Ecwid sends webhooks in no particular order and retries for a day: an uninstall created before the
      // store's latest install or re-authorization belongs to the installation that one replaced. Seconds
      // (Ecwid's resolution): an uninstall in the same second as a re-install still revokes.
      if (installedAt && event.eventCreated < Math.floor(installedAt.getTime() / 1000)) {
        const message = `Stale Ecwid application.uninstalled ignored: created ${new Date(event.eventCreated * 1000).toISOString()}, before the latest install at ${installedAt.toISOString()}`;
        await recordConnectionEvent(connection.id, "webhook_stale", message, { data: summary(event) }, tx);
        return "stale";
      }
      await revokeEcwidConnection(connection.id, "Uninstalled from the Ecwid Control Panel", tx, now);
      return "processed";
    }
    if (TIMELINE_PREFIXES.some((p) => event.eventType.startsWith(p))) {
      await recordConnectionEvent(connection.id, "webhook_received", describe(event), { data: summary(event) }, tx);
    }
    return "processed";
  });
}

/** When the store was last installed or re-authorized (the timeline records both). */
async function latestInstall(connectionId: string, tx: Pick<typeof db, "connectionEvent">): Promise<Date | null> {
  const row = await tx.connectionEvent.findFirst({
    where: { connectionId, type: { in: ["installed", "reauthorized"] } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

/** A one-line timeline message. Only ids and statuses: webhook data may carry customer details. */
function describe(e: EcwidWebhook): string {
  const d = e.data ?? {};
  const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v).slice(0, 64) : null);
  if (e.eventType.startsWith("order.")) {
    const change = str(d.newFulfillmentStatus) ?? str(d.newPaymentStatus);
    return `Ecwid ${e.eventType}: order ${str(d.orderId) ?? str(e.entityId) ?? "?"}${change ? ` → ${change}` : ""}`;
  }
  if (e.eventType.startsWith("product.")) return `Ecwid ${e.eventType}: product ${str(e.entityId) ?? "?"}`;
  if (e.eventType === "application.subscriptionStatusChanged") {
    return `Ecwid subscription ${str(d.oldSubscriptionStatus) ?? "?"} → ${str(d.newSubscriptionStatus) ?? "?"}`;
  }
  return `Ecwid ${e.eventType}`;
}

function summary(e: EcwidWebhook) {
  const d = e.data ?? {};
  const keep = [
    "orderId",
    "newPaymentStatus",
    "oldPaymentStatus",
    "newFulfillmentStatus",
    "oldFulfillmentStatus",
    "oldSubscriptionStatus",
    "newSubscriptionStatus",
  ];
  const data = Object.fromEntries(
    Object.entries(d).filter(([k, v]) => keep.includes(k) && (typeof v === "string" || typeof v === "number")),
  );
  return { eventId: e.eventId, eventType: e.eventType, entityId: e.entityId ?? null, ...data } as Record<
    string,
    string | number | null
  >;
}
