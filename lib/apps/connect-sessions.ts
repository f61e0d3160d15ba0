import "server-only";
import { randomBytes } from "node:crypto";
import type { Platform } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record";
import { recordConnectionEvent } from "@/lib/connections/events";
import { mintUnifiedToken } from "@/lib/connections/unified-tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { safeEqual } from "@/lib/security/compare";
import { hashSecret } from "@/lib/security/prefixed-secret";
import { enqueueConnectionEvent } from "./outbox";
import { isRegisteredReturnUrl } from "./return-urls";

// Connect sessions: an app's backend asks for one (its end user's reference, the platforms to offer, a
// registered return URL) and gets a URL valid for 30 minutes that opens once. The merchant finishes the
// platform's flow on Storelink's hosted page and goes back to the return URL with `?code=…&session=…`;
// the app's backend exchanges that code (10 minutes, once, bound to the session and the app) for the
// connection id and a unified token. The token never travels in a URL; the URL secret and the code are
// stored hashed. Re-connecting a store the app already has re-authorizes the same connection.

export const SESSION_TTL_MS = 30 * 60_000;
export const CODE_TTL_MS = 10 * 60_000;

export type ConnectFailureCode = "denied" | "failed" | "expired";

export class ConnectSessionError extends Error {
  override name = "ConnectSessionError";
  constructor(
    readonly code:
      | "return_url_not_allowed"
      | "platform_not_offered"
      | "not_found"
      | "expired"
      | "used"
      | "code_invalid"
      | "code_used"
      | "code_expired"
      | "not_completed",
    message: string,
  ) {
    super(message);
  }
}

const token = (bytes: number) => randomBytes(bytes).toString("base64url");

export async function createConnectSession(
  app: { id: string; returnUrls: string[] },
  input: { endUserRef: string; platforms: Platform[]; returnUrl: string; offered: Platform[] },
  now = new Date(),
) {
  if (!isRegisteredReturnUrl(input.returnUrl, app.returnUrls)) {
    throw new ConnectSessionError("return_url_not_allowed", "returnUrl must be exactly one of the app's registered return URLs.");
  }
  const platforms = input.platforms.length > 0 ? input.platforms : input.offered;
  const unavailable = platforms.filter((p) => !input.offered.includes(p));
  if (unavailable.length > 0)
    throw new ConnectSessionError("platform_not_offered", `Not offered by this Storelink: ${unavailable.join(", ")}.`);
  const id = `cs_${token(16)}`;
  const secret = token(32);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.connectSession.create({
    data: {
      id,
      appId: app.id,
      endUserRef: input.endUserRef,
      platforms,
      returnUrl: new URL(input.returnUrl).toString(),
      urlSecretHash: hashSecret(secret),
      expiresAt,
    },
  });
  await recordAudit({
    action: "app.connect_session_created",
    actorEmail: "app-key",
    targetType: "app",
    targetId: app.id,
    data: { session: id, platforms },
  });
  return { id, url: `${env.APP_URL}/connect/${id}?t=${secret}`, expiresAt };
}

export type OpenSession = {
  id: string;
  appName: string;
  platforms: Platform[];
  endUserRef: string;
  status: string;
  returnUrl: string;
  expiresAt: Date;
};

async function sessionView(id: string): Promise<OpenSession | null> {
  const row = await db.connectSession.findUnique({
    where: { id },
    select: {
      id: true,
      platforms: true,
      endUserRef: true,
      status: true,
      returnUrl: true,
      expiresAt: true,
      app: { select: { name: true } },
    },
  });
  return row
    ? {
        id: row.id,
        appName: row.app.name,
        platforms: row.platforms,
        endUserRef: row.endUserRef,
        status: row.status,
        returnUrl: row.returnUrl,
        expiresAt: row.expiresAt,
      }
    : null;
}

/**
 * The merchant opens the URL: the secret must match and the session be unopened and unexpired. Opening
 * consumes it (a second open, from anywhere, is refused); the browser that opened it continues with the
 * session's signed cookie (`continueConnectSession`).
 */
export async function openConnectSession(id: string, secret: string, now = new Date()): Promise<OpenSession> {
  const row = await db.connectSession.findUnique({
    where: { id },
    select: { urlSecretHash: true, status: true, expiresAt: true, appId: true },
  });
  if (!row || !safeEqual(row.urlSecretHash, hashSecret(secret)))
    throw new ConnectSessionError("not_found", "This connect link is not valid.");
  if (row.expiresAt <= now) throw new ConnectSessionError("expired", "This connect link has expired.");
  const claimed = await db.connectSession.updateMany({
    where: { id, status: "PENDING", expiresAt: { gt: now } },
    data: { status: "OPENED", openedAt: now },
  });
  if (claimed.count !== 1) throw new ConnectSessionError("used", "This connect link was already used.");
  await recordAudit({
    action: "app.connect_session_opened",
    actorEmail: "merchant",
    targetType: "app",
    targetId: row.appId,
    data: { session: id },
  });
  return (await sessionView(id))!;
}

/** The session a browser continues with (its cookie named it): opened, not finished, not expired. */
export async function continueConnectSession(id: string, now = new Date()): Promise<OpenSession> {
  const session = await sessionView(id);
  if (!session) throw new ConnectSessionError("not_found", "This connect session does not exist.");
  if (session.expiresAt <= now) throw new ConnectSessionError("expired", "This connect session has expired.");
  if (session.status !== "OPENED") throw new ConnectSessionError("used", "This connect session is already finished.");
  return session;
}

const back = (returnUrl: string, params: Record<string, string>) => {
  const url = new URL(returnUrl);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
};

/**
 * The platform flow connected (or re-authorized) `connectionId`: link it to the app with the end user's
 * reference, announce it (connection.created, in the same transaction as the link), and hand out a code.
 */
export async function completeConnectSession(
  sessionId: string,
  connectionId: string,
  now = new Date(),
): Promise<{ redirectUrl: string }> {
  const code = token(32);
  return db.$transaction(async (tx) => {
    const session = await tx.connectSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { appId: true, endUserRef: true, returnUrl: true, status: true, app: { select: { name: true } } },
    });
    if (session.status !== "OPENED") throw new ConnectSessionError("used", "This connect session is already finished.");
    const existing = await tx.appConnection.findUnique({ where: { appId_connectionId: { appId: session.appId, connectionId } } });
    await tx.appConnection.upsert({
      where: { appId_connectionId: { appId: session.appId, connectionId } },
      create: { appId: session.appId, connectionId, endUserRef: session.endUserRef },
      update: { endUserRef: session.endUserRef },
    });
    await tx.connectSession.update({
      where: { id: sessionId },
      data: {
        status: "COMPLETED",
        completedAt: now,
        connectionId,
        reconnected: !!existing,
        codeHash: hashSecret(code),
        codeExpiresAt: new Date(now.getTime() + CODE_TTL_MS),
      },
    });
    await recordConnectionEvent(
      connectionId,
      "app_connected",
      `${existing ? "Re-connected" : "Connected"} through the app “${session.app.name}” (end user ${session.endUserRef.slice(0, 100)})`,
      {},
      tx,
    );
    await recordAudit(
      {
        action: existing ? "app.connection_reauthorized" : "app.connection_created",
        actorEmail: "merchant",
        targetType: "connection",
        targetId: connectionId,
        data: { app: session.appId, session: sessionId },
      },
      tx,
    );
    if (!existing) await enqueueConnectionEvent(tx, connectionId, "connection.created", {}, { onlyAppId: session.appId });
    return { redirectUrl: back(session.returnUrl, { code, session: sessionId }) };
  });
}

/** The merchant came back without a store (declined, or the flow failed): say so to the app too. */
export async function failConnectSession(
  sessionId: string,
  failure: ConnectFailureCode,
  now = new Date(),
): Promise<{ redirectUrl: string } | null> {
  const session = await db.connectSession.findUnique({
    where: { id: sessionId },
    select: { returnUrl: true, appId: true, status: true },
  });
  if (!session || session.status !== "OPENED") return null;
  await db.connectSession.update({ where: { id: sessionId }, data: { status: "FAILED", failure, completedAt: now } });
  await recordAudit({
    action: "app.connect_session_failed",
    actorEmail: "merchant",
    targetType: "app",
    targetId: session.appId,
    data: { session: sessionId, failure },
  });
  return {
    redirectUrl: back(session.returnUrl, { error: failure === "denied" ? "access_denied" : failure, session: sessionId }),
  };
}

/**
 * The app's backend trades the code for the connection id and a unified token, once. A token is minted when
 * the app holds no live one for this connection; on a re-connect the app's token stays as it was (null here).
 */
export async function exchangeConnectCode(appId: string, input: { session: string; code: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const session = await tx.connectSession.findUnique({ where: { id: input.session } });
    // Another app's session is answered like a missing one: an app learns nothing about others'.
    if (!session || session.appId !== appId)
      throw new ConnectSessionError("not_found", "There is no such connect session for this app.");
    if (session.status === "EXCHANGED" || session.codeUsedAt)
      throw new ConnectSessionError("code_used", "This code was already exchanged.");
    if (session.status !== "COMPLETED" || !session.codeHash || !session.connectionId)
      throw new ConnectSessionError("not_completed", "The merchant has not finished connecting a store in this session.");
    if (!safeEqual(session.codeHash, hashSecret(input.code)))
      throw new ConnectSessionError("code_invalid", "The code does not belong to this session.");
    if (!session.codeExpiresAt || session.codeExpiresAt <= now)
      throw new ConnectSessionError("code_expired", "The code has expired (codes live 10 minutes): start a new connect session.");
    const claimed = await tx.connectSession.updateMany({
      where: { id: session.id, codeUsedAt: null },
      data: { codeUsedAt: now, status: "EXCHANGED" },
    });
    if (claimed.count !== 1) throw new ConnectSessionError("code_used", "This code was already exchanged.");
    const connectionId = session.connectionId;
    const live = await tx.unifiedToken.count({
      where: { connectionId, appId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    });
    const minted = live === 0 ? await mintUnifiedToken(connectionId, { name: `app:${appId}`, appId }, tx) : null;
    const connection = await tx.connection.findUniqueOrThrow({
      where: { id: connectionId },
      select: { platform: true, displayName: true, externalId: true },
    });
    await recordConnectionEvent(
      connectionId,
      "app_exchanged",
      minted
        ? `The app exchanged its code for a unified token (${minted.prefix}…${minted.last4})`
        : "The app exchanged its code; its existing unified token stays valid",
      {},
      tx,
    );
    await recordAudit(
      {
        action: "app.code_exchanged",
        actorEmail: "app-key",
        targetType: "connection",
        targetId: connectionId,
        data: { app: appId, session: session.id, tokenIssued: !!minted },
      },
      tx,
    );
    return {
      connectionId,
      platform: connection.platform,
      store: { id: connection.externalId, name: connection.displayName },
      endUserRef: session.endUserRef,
      reconnected: session.reconnected,
      unifiedToken: minted?.token ?? null,
    };
  });
}
