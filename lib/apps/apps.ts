import "server-only";
import { db } from "@/lib/db";
import { normaliseReturnUrl } from "./return-urls";

// Integrator apps as the dashboard manages them. Keys (app-keys.ts) and endpoints (endpoints.ts) hang off them.

export async function createApp(input: { name: string; returnUrls: string[] }, actorId: string | null) {
  return db.app.create({
    data: { name: input.name.trim(), returnUrls: [...new Set(input.returnUrls.map(normaliseReturnUrl))], createdById: actorId },
  });
}

export async function updateApp(appId: string, input: { name?: string; returnUrls?: string[] }) {
  return db.app.update({
    where: { id: appId },
    data: {
      ...(input.name !== undefined && { name: input.name.trim() }),
      ...(input.returnUrls !== undefined && { returnUrls: [...new Set(input.returnUrls.map(normaliseReturnUrl))] }),
    },
  });
}

export async function deleteApp(appId: string) {
  await db.app.delete({ where: { id: appId } });
}

export function listApps() {
  return db.app.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      returnUrls: true,
      createdAt: true,
      _count: { select: { connections: true, endpoints: true, keys: { where: { revokedAt: null } } } },
    },
  });
}

/** Everything the app's page shows: keys (display parts only), endpoints (never secrets), connections. */
export function appDetail(appId: string) {
  return db.app.findUnique({
    where: { id: appId },
    select: {
      id: true,
      name: true,
      returnUrls: true,
      createdAt: true,
      keys: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          name: true,
          prefix: true,
          last4: true,
          createdAt: true,
          lastUsedAt: true,
          expiresAt: true,
          revokedAt: true,
        },
      },
      endpoints: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          url: true,
          events: true,
          disabledAt: true,
          disabledReason: true,
          failingSince: true,
          previousUntil: true,
          createdAt: true,
        },
      },
      connections: {
        orderBy: { createdAt: "desc" },
        take: 100,
        select: {
          endUserRef: true,
          createdAt: true,
          connection: { select: { id: true, displayName: true, platform: true, status: true } },
        },
      },
    },
  });
}

/** Endpoints that Storelink stopped sending to (the dashboard home page's notice). */
export function disabledEndpoints() {
  return db.webhookEndpoint.findMany({
    where: { disabledAt: { not: null } },
    select: { id: true, url: true, disabledAt: true, disabledReason: true, app: { select: { id: true, name: true } } },
  });
}
