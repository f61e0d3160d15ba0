import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db-client";
import type { WebhookEventType } from "./events";
import { enqueueConnectionEvent } from "./outbox";

// The connection timeline is the source of the apps' connection and store events. Every lifecycle change
// (renewal failing, needs re-auth, recovery, uninstall, disconnect, a revoked token) and every forwarded
// platform webhook is written to the timeline with the change itself; this relay, run by each instance's
// delivery loop, turns unhandled entries into outbox messages and marks them handled in one transaction
// (FOR UPDATE SKIP LOCKED: two instances never relay the same entry). So an event is announced exactly
// when its change committed, at least once, even if the process that made the change died right after.
// (connection.created is written by the connect session itself, which knows the one app it is for.)

type Entry = { id: string; connectionId: string; type: string; data: Prisma.JsonValue; createdAt: Date };
type Announcement = { type: WebhookEventType; data: Record<string, Prisma.InputJsonValue | null>; onlyAppId?: string };

const BATCH = 100;

const field = (data: Prisma.JsonValue, key: string) => {
  const value = data && typeof data === "object" && !Array.isArray(data) ? data[key] : undefined;
  return typeof value === "string" || typeof value === "number" ? value : null;
};

/** Ecwid's own events, normalised: the ids and statuses only (its payloads may carry customer details). */
function forwarded(entry: Entry): Announcement[] {
  const eventType = field(entry.data, "eventType");
  const entityId = field(entry.data, "entityId");
  if (eventType === "order.created" || eventType === "order.updated") {
    const orderId = field(entry.data, "orderId") ?? entityId;
    const data = {
      orderId: orderId === null ? null : String(orderId),
      paymentStatus: field(entry.data, "newPaymentStatus"),
      fulfillmentStatus: field(entry.data, "newFulfillmentStatus"),
      platformEventId: field(entry.data, "eventId"),
    };
    return [{ type: eventType, data }];
  }
  if (eventType === "product.updated") {
    return [
      {
        type: "product.updated",
        data: { productId: entityId === null ? null : String(entityId), platformEventId: field(entry.data, "eventId") },
      },
    ];
  }
  return [];
}

/** What a timeline entry announces to the apps linked to its connection (often nothing). */
export function announcementsOf(entry: Entry): Announcement[] {
  switch (entry.type) {
    case "needs_reauth":
      return [{ type: "connection.needs_reauth", data: {} }];
    case "refresh_failed":
    case "health_check_failed":
      // Only the first failure in a row: the connection just became DEGRADED (later ones are the same state).
      return field(entry.data, "consecutiveFailures") === 1 ? [{ type: "connection.degraded", data: {} }] : [];
    case "recovered":
      return [{ type: "connection.recovered", data: {} }];
    case "reauthorized": {
      // A merchant re-authorized a store that needed it (a re-install after an uninstall is a new start, not a recovery).
      const before = field(entry.data, "previousStatus");
      return before === "NEEDS_REAUTH" || before === "DEGRADED"
        ? [{ type: "connection.recovered", data: { reason: "reauthorized" } }]
        : [];
    }
    case "uninstalled":
      return [
        { type: "app.uninstalled", data: {} },
        { type: "connection.revoked", data: { reason: "uninstalled" } },
      ];
    case "disconnected":
      return [{ type: "connection.revoked", data: { reason: "disconnected" } }];
    case "token_revoked": {
      // A token is one app's: only that app hears of it (an admin's own tokens belong to no app).
      const appId = field(entry.data, "appId");
      return typeof appId === "string"
        ? [{ type: "unified_token.revoked", data: { tokenId: field(entry.data, "tokenId") }, onlyAppId: appId }]
        : [];
    }
    case "webhook_received":
      return forwarded(entry);
    default:
      return [];
  }
}

/** Relays up to one batch of unhandled timeline entries; returns how many messages it wrote. */
export async function relayConnectionEvents(client: DbClient, now = new Date()): Promise<number> {
  return client.$transaction(async (tx) => {
    const entries = await tx.$queryRaw<Entry[]>`
      SELECT "id", "connectionId", "type", "data", "createdAt" FROM "ConnectionEvent"
      WHERE "relayedAt" IS NULL
      ORDER BY "createdAt" ASC, "id" ASC
      LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED`;
    let written = 0;
    for (const entry of entries) {
      for (const a of announcementsOf(entry)) {
        written += await enqueueConnectionEvent(
          tx,
          entry.connectionId,
          a.type,
          { ...a.data, occurredAt: entry.createdAt.toISOString() },
          { onlyAppId: a.onlyAppId, now },
        );
      }
    }
    if (entries.length)
      await tx.connectionEvent.updateMany({ where: { id: { in: entries.map((e) => e.id) } }, data: { relayedAt: now } });
    return written;
  });
}
