import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { DbTransaction } from "@/lib/db-client";
import type { WebhookEventType } from "./events";

// The outbox: an event for the apps linked to a connection becomes one WebhookMessage per subscribed
// endpoint, written with the caller's transaction (so it exists exactly when the change it announces was
// committed). Each endpoint numbers its messages (`sequence`, in the payload) so a receiver can order them;
// delivery (delivery.ts) is at least once, by whichever instance claims the message first.

type Client = Pick<DbTransaction, "appConnection" | "webhookEndpoint" | "webhookMessage" | "connection" | "$queryRaw">;

export const messageId = () => `msg_${randomBytes(16).toString("base64url")}`;

const subscribed = (events: string[], type: string) => events.length === 0 || events.includes(type) || type === "test.ping";

export async function enqueueConnectionEvent(
  tx: Client,
  connectionId: string,
  type: WebhookEventType,
  data: Record<string, Prisma.InputJsonValue | null> = {},
  options: { onlyAppId?: string; now?: Date } = {},
): Promise<number> {
  const links = await tx.appConnection.findMany({
    where: { connectionId, ...(options.onlyAppId && { appId: options.onlyAppId }) },
    select: {
      appId: true,
      endUserRef: true,
      app: { select: { endpoints: { where: { disabledAt: null }, select: { id: true, events: true } } } },
    },
  });
  if (links.length === 0) return 0;
  const connection = await tx.connection.findUnique({
    where: { id: connectionId },
    select: { platform: true, externalId: true, displayName: true, status: true },
  });
  let written = 0;
  for (const link of links) {
    for (const endpoint of link.app.endpoints.filter((e) => subscribed(e.events, type))) {
      await writeMessage(
        tx,
        endpoint.id,
        type,
        {
          connectionId,
          endUserRef: link.endUserRef,
          platform: connection?.platform ?? null,
          store: connection ? { id: connection.externalId, name: connection.displayName } : null,
          status: connection?.status ?? null,
          ...data,
        },
        options.now,
      );
      written++;
    }
  }
  return written;
}

/** One message for one endpoint; the sequence number comes from the endpoint row (locked until commit). */
export async function writeMessage(
  tx: Client,
  endpointId: string,
  type: WebhookEventType,
  data: Record<string, Prisma.InputJsonValue | null>,
  now = new Date(),
) {
  const [row] = await tx.$queryRaw<{ sequence: number }[]>`
    UPDATE "WebhookEndpoint" SET "nextSequence" = "nextSequence" + 1 WHERE "id" = ${endpointId} RETURNING "nextSequence" - 1 AS "sequence"`;
  if (!row) return null;
  const id = messageId();
  const payload = { type, timestamp: now.toISOString(), data: { ...data, sequence: row.sequence } };
  await tx.webhookMessage.create({
    data: { id, endpointId, eventType: type, sequence: row.sequence, payload, nextAttemptAt: now, createdAt: now },
  });
  return id;
}
