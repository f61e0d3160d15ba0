import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db-client";
import { HEALTH_CHECK_INTERVAL_MS } from "@/lib/connections/policy";
import { openConnectionCredentials, sealConnectionCredentials, sealedColumnsSelect } from "@/lib/vault";
import type { EcwidCredentials } from "@/lib/platforms/ecwid/ecwid-types";
import { exchangeCode, fetchProfile, type EcwidAppConfig } from "@/lib/platforms/ecwid/oauth";
import { reshapeStore } from "@/lib/platforms/ecwid/reshape";
import { safeEqual } from "@/lib/security/compare";
import { endConnection, NOT_REVOKED } from "@/lib/connections/status";
import { recordConnectionEvent } from "@/lib/connections/events";
import { mintUnifiedToken } from "@/lib/connections/unified-tokens";
import { claimOAuthCode } from "@/lib/connections/ecwid/oauth-codes";

/** A legacy (unsigned) Control Panel payload met an uninstalled store: it never re-activates one. */
export class UninstalledStoreError extends Error {
  constructor() {
    super("A legacy payload cannot re-activate an uninstalled store.");
  }
}

/** The code was exchanged before: exchanging it again would make Ecwid disable that first token. */
export class OAuthCodeReplayError extends Error {
  constructor() {
    super("This Ecwid authorization code was used already.");
  }
}

// One Ecwid store = one connection, found by store id. An install (OAuth callback) or a Control Panel
// open of a known store re-authorizes the same row: same id, same unified tokens. Uninstall destroys the
// credentials and revokes the unified tokens; a later install re-activates the row.

export type EcwidAuthorization = {
  storeId: number;
  accessToken: string;
  publicToken: string | null;
  /** null = not known (Control Panel payloads carry no scopes): keep what the row has. */
  scopes: string[] | null;
  storeName: string;
  email: string | null;
  lang?: string;
};

export type EcwidInstallResult = {
  connectionId: string;
  storeName: string;
  created: boolean;
  reauthorized: boolean;
  /** Plaintext of a newly minted unified token: show it once, to the admin who installed, then forget it. */
  unifiedToken: { token: string; prefix: string; last4: string } | null;
};

const via = {
  oauth: "the OAuth install",
  control_panel: "the Ecwid Control Panel",
  control_panel_hash: "the Ecwid Control Panel (legacy payload)",
} as const;

/**
 * Creates or re-authorizes the connection inside one transaction. `mintFor` is the admin to show a new
 * unified token to; without one no token is minted (admins create tokens from the dashboard).
 */
export async function saveEcwidAuthorization(
  auth: EcwidAuthorization,
  options: { source: keyof typeof via; mintFor?: { actorId: string } | null; now?: Date },
): Promise<EcwidInstallResult> {
  const now = options.now ?? new Date();
  const externalId = String(auth.storeId);
  if (auth.publicToken !== null && safeEqual(auth.publicToken, auth.accessToken))
    throw new Error("A public token is never stored as the secret token.");
  const existing = await db.connection.findUnique({
    where: { platform_externalId: { platform: "ECWID", externalId } },
    select: { id: true, status: true, publicToken: true, metadata: true, scopes: true, ...sealedColumnsSelect },
  });
  // Defence in depth behind openFromControlPanel: an unsigned payload never revives an uninstalled store,
  // and the store's known public token is never stored as its secret.
  if (existing?.status === "REVOKED" && options.source === "control_panel_hash") throw new UninstalledStoreError();
  if (existing?.publicToken && safeEqual(existing.publicToken, auth.accessToken))
    throw new Error("A public token is never stored as the secret token.");

  // Each Control Panel open repeats the same tokens: don't re-encrypt or add timeline noise for that.
  if (existing && existing.status !== "REVOKED" && !options.mintFor) {
    const current = openConnectionCredentials<EcwidCredentials>(existing.id, existing);
    if (
      current?.accessToken === auth.accessToken &&
      existing.publicToken === auth.publicToken &&
      (!auth.scopes || sameSet(auth.scopes, existing.scopes))
    ) {
      await db.connection.update({
        where: { id: existing.id },
        data: { displayName: auth.storeName, lastUsedAt: now, metadata: mergeMetadata(existing.metadata, auth) },
      });
      return { connectionId: existing.id, storeName: auth.storeName, created: false, reauthorized: false, unifiedToken: null };
    }
  }

  return db.$transaction(async (tx) => {
    const base = {
      displayName: auth.storeName,
      status: "ACTIVE" as const,
      publicToken: auth.publicToken,
      accessExpiresAt: null,
      refreshExpiresAt: null,
      lastError: null,
      consecutiveFailures: 0,
      cooldownUntil: null,
      lastRefreshAt: now,
      nextCheckAt: new Date(now.getTime() + HEALTH_CHECK_INTERVAL_MS),
    };
    let row: { id: string };
    if (existing) {
      const data = { ...base, ...(auth.scopes ? { scopes: auth.scopes } : {}), metadata: mergeMetadata(existing.metadata, auth) };
      // An uninstall webhook can commit between the read above and this write: a legacy payload must not undo it.
      const guard = options.source === "control_panel_hash" ? NOT_REVOKED : {};
      const { count } = await tx.connection.updateMany({ where: { id: existing.id, ...guard }, data });
      if (count === 0) throw new UninstalledStoreError();
      row = { id: existing.id };
    } else {
      row = await tx.connection.create({
        data: { ...base, platform: "ECWID", externalId, scopes: auth.scopes ?? [], metadata: mergeMetadata({}, auth) },
        select: { id: true },
      });
    }
    // Sealed with the row id as associated data, so it is written once the id exists.
    await tx.connection.update({
      where: { id: row.id },
      data: sealConnectionCredentials(row.id, { accessToken: auth.accessToken } satisfies EcwidCredentials),
    });

    const actorId = options.mintFor?.actorId ?? null;
    if (!existing) {
      await recordConnectionEvent(
        row.id,
        "installed",
        `Ecwid store ${externalId} installed through ${via[options.source]}`,
        { actorId },
        tx,
      );
    } else {
      const wasRevoked = existing.status === "REVOKED";
      await recordConnectionEvent(
        row.id,
        "reauthorized",
        `${wasRevoked ? "Re-installed" : "Re-authorized"} through ${via[options.source]}; new platform token stored`,
        { actorId, data: { previousStatus: existing.status } },
        tx,
      );
    }

    let unifiedToken: EcwidInstallResult["unifiedToken"] = null;
    if (options.mintFor) {
      const live = await tx.unifiedToken.count({
        where: { connectionId: row.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      });
      if (live === 0) {
        const minted = await mintUnifiedToken(row.id, { actorId }, tx);
        unifiedToken = { token: minted.token, prefix: minted.prefix, last4: minted.last4 };
      }
    }
    return { connectionId: row.id, storeName: auth.storeName, created: !existing, reauthorized: !!existing, unifiedToken };
  });
}

/** Merchant-side uninstall (application.uninstalled): REVOKED, credentials destroyed, unified tokens revoked. */
export async function revokeEcwidConnection(
  connectionId: string,
  reason: string,
  tx: DbTransaction,
  now = new Date(),
): Promise<void> {
  const revoked = await endConnection(tx, connectionId, now, reason);
  await recordConnectionEvent(
    connectionId,
    "uninstalled",
    `${reason}: credentials destroyed, ${revoked} unified token(s) revoked`,
    {},
    tx,
  );
  // A security event: an outside party (the merchant, via Ecwid) ended Storelink's access.
  await tx.auditEvent.create({
    data: {
      action: "connection.uninstalled",
      actorEmail: "ecwid-webhook",
      targetType: "connection",
      targetId: connectionId,
      data: { platform: "ECWID", revokedTokens: revoked },
    },
  });
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function mergeMetadata(current: unknown, auth: EcwidAuthorization): Prisma.InputJsonValue {
  const base =
    current && typeof current === "object" && !Array.isArray(current) ? (current as Record<string, Prisma.InputJsonValue>) : {};
  return { ...base, ...(auth.email ? { email: auth.email } : {}), ...(auth.lang ? { lang: auth.lang } : {}) };
}

/**
 * The OAuth callback's work after the nonce check: claim the code (refused if it was ever exchanged),
 * exchange it, read the store's name with the new token, then save. Nothing is stored unless every step
 * succeeded. Throws OAuthCodeReplayError or PlatformError.
 */
export async function completeEcwidInstall(
  app: EcwidAppConfig,
  code: string,
  admin: { actorId: string } | null,
  redirect: string,
): Promise<EcwidInstallResult> {
  if (!(await claimOAuthCode("ECWID", code))) throw new OAuthCodeReplayError();
  const grant = await exchangeCode(app, code, undefined, redirect);
  const store = reshapeStore(String(grant.storeId), await fetchProfile(grant.storeId, grant.accessToken));
  return saveEcwidAuthorization(
    { ...grant, storeName: store.name, email: grant.email ?? store.email },
    { source: "oauth", mintFor: admin },
  );
}
