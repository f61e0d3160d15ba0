import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

/** The timeline of a connection. Messages are shown to admins: never put a secret in one. */
export type ConnectionEventType =
  | "installed"
  | "connected"
  | "reauthorized"
  | "refreshed"
  | "refresh_failed"
  | "health_checked"
  | "health_check_failed"
  | "needs_reauth"
  | "degraded"
  | "recovered"
  | "token_created"
  | "token_rotated"
  | "token_revoked"
  | "webhook_received"
  | "webhook_stale"
  | "uninstalled"
  | "disconnected"
  | "credentials_rotated"
  | "credentials_rotation_failed"
  | "key_created"
  | "key_updated"
  | "key_deleted"
  | "app_connected"
  | "app_exchanged";

type Client = Pick<typeof db, "connectionEvent">;

export async function recordConnectionEvent(
  connectionId: string,
  type: ConnectionEventType,
  message: string,
  extra: { actorId?: string | null; data?: Prisma.InputJsonValue } = {},
  client: Client = db,
): Promise<void> {
  await client.connectionEvent.create({
    data: { connectionId, type, message, actorId: extra.actorId ?? null, data: extra.data },
  });
}
