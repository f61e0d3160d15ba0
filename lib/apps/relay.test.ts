// The relay from the connection timeline to the apps' outbox: lifecycle changes and forwarded platform events
// become messages for the apps linked to the connection, each entry once, a revoked token only for its app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindTestDatabase, setTestEnv } from "@/testing/lifecycle";
import type { TestDatabase } from "@/testing/test-db";

setTestEnv({});

const { db } = await import("@/lib/db");
const { createApp } = await import("./apps");
const { createEndpoint } = await import("./endpoints");
const { relayConnectionEvents } = await import("./relay");
const { recordConnectionEvent } = await import("@/lib/connections/events");
const { markDegraded, markNeedsReauth } = await import("@/lib/connections/status");
const { mintUnifiedToken, revokeUnifiedToken } = await import("@/lib/connections/unified-tokens");

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await bindTestDatabase();
});
afterAll(async () => {
  await testDb.drop();
});

async function linkedConnection(appName: string, events: string[] = []) {
  const app = await createApp({ name: appName, returnUrls: [] }, null);
  const endpoint = await createEndpoint(app.id, { url: "https://receiver.example/hooks", events });
  const connection = await db.connection.create({
    data: { platform: "ECWID", externalId: `${Math.random()}`.slice(2, 10), displayName: appName },
  });
  await db.appConnection.create({ data: { appId: app.id, connectionId: connection.id, endUserRef: `user-of-${appName}` } });
  return { app, endpoint, connectionId: connection.id };
}

const messagesOf = async (endpointId: string) =>
  (await db.webhookMessage.findMany({ where: { endpointId }, orderBy: { sequence: "asc" } })).map((m) => ({
    type: m.eventType,
    data: m.payload as { data: Record<string, unknown> },
  }));

const relayAll = async () => {
  while ((await db.connectionEvent.count({ where: { relayedAt: null } })) > 0) await relayConnectionEvents(db);
};

describe("timeline → outbox relay", () => {
  it("announces needs re-auth, the first failure of a degradation only, recovery, and revocation, in order", async () => {
    const { endpoint, connectionId } = await linkedConnection("Lifecycle");
    const now = new Date();
    await markDegraded(connectionId, 0, "unavailable: 503", now);
    await markDegraded(connectionId, 1, "unavailable: 503", now);
    await recordConnectionEvent(connectionId, "recovered", "Renewal succeeded again");
    await markNeedsReauth(connectionId, "invalid_grant");
    await recordConnectionEvent(connectionId, "reauthorized", "Re-authorized", { data: { previousStatus: "NEEDS_REAUTH" } });
    await recordConnectionEvent(connectionId, "uninstalled", "Uninstalled from the Ecwid Control Panel");
    await relayAll();
    const messages = await messagesOf(endpoint.id);
    expect(messages.map((m) => m.type)).toEqual([
      "connection.degraded",
      "connection.recovered",
      "connection.needs_reauth",
      "connection.recovered",
      "app.uninstalled",
      "connection.revoked",
    ]);
    expect(messages[0]!.data.data).toMatchObject({
      connectionId,
      endUserRef: "user-of-Lifecycle",
      sequence: 1,
      occurredAt: expect.any(String),
    });
    // Relayed once: a second pass finds nothing new.
    expect(await relayConnectionEvents(db)).toBe(0);
    expect(await messagesOf(endpoint.id)).toHaveLength(6);
  });

  it("forwards the store's order and product events with ids and statuses only, to subscribed endpoints", async () => {
    const { app, endpoint, connectionId } = await linkedConnection("Orders", ["order.updated"]);
    const everything = await createEndpoint(app.id, { url: "https://receiver.example/all", events: [] });
    const data = {
      eventId: "ev-1",
      eventType: "order.updated",
      entityId: 42,
      orderId: "FJ45D",
      newPaymentStatus: "PAID",
      newFulfillmentStatus: "SHIPPED",
    };
    await recordConnectionEvent(connectionId, "webhook_received", "Ecwid order.updated: order FJ45D → SHIPPED", { data });
    await recordConnectionEvent(connectionId, "webhook_received", "Ecwid product.updated: product 7", {
      data: { eventId: "ev-2", eventType: "product.updated", entityId: 7 },
    });
    await recordConnectionEvent(connectionId, "webhook_received", "Ecwid customer.updated", {
      data: { eventId: "ev-3", eventType: "customer.updated", entityId: 9 },
    });
    await relayAll();
    const filtered = await messagesOf(endpoint.id);
    expect(filtered).toHaveLength(1);
    expect(filtered[0]!.data.data).toMatchObject({
      orderId: "FJ45D",
      paymentStatus: "PAID",
      fulfillmentStatus: "SHIPPED",
      platformEventId: "ev-1",
    });
    expect((await messagesOf(everything.id)).map((m) => m.type)).toEqual(["order.updated", "product.updated"]);
  });

  it("tells only the owning app that its unified token was revoked; a connection without apps announces nothing", async () => {
    const first = await linkedConnection("Owner");
    const other = await createApp({ name: "Other", returnUrls: [] }, null);
    const otherEndpoint = await createEndpoint(other.id, { url: "https://receiver.example/other", events: [] });
    await db.appConnection.create({ data: { appId: other.id, connectionId: first.connectionId, endUserRef: "other-user" } });
    const owned = await mintUnifiedToken(first.connectionId, { name: "app token", appId: first.app.id });
    const adminToken = await mintUnifiedToken(first.connectionId, { name: "admin token" });
    await revokeUnifiedToken(owned.id);
    await revokeUnifiedToken(adminToken.id);
    const lonely = await db.connection.create({ data: { platform: "ECWID", externalId: "lonely", displayName: "No apps" } });
    await markNeedsReauth(lonely.id, "invalid_grant");
    await relayAll();
    expect((await messagesOf(first.endpoint.id)).map((m) => [m.type, m.data.data.tokenId])).toEqual([
      ["unified_token.revoked", owned.id],
    ]);
    expect(await messagesOf(otherEndpoint.id)).toEqual([]);
    expect(await db.connectionEvent.count({ where: { relayedAt: null } })).toBe(0);
  });
});
