import "server-only";
import { hkdfSync } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { env } from "@/lib/env";

// The Control Panel page's credential: a short-lived HS256 JWT bound to one Ecwid store and its
// connection, sent by the page's client code as a server-action argument. Third-party cookies are not
// relied on (the page lives in Ecwid's iframe). The key is derived from AUTH_SECRET for this purpose only,
// so a next-auth cookie can never pass for one, nor the other way round.

export const EMBEDDED_AUDIENCE = "storelink-embedded";
const ISSUER = "storelink";
export const EMBEDDED_SESSION_TTL_SECONDS = 15 * 60;

export type EmbeddedSession = { connectionId: string; storeId: string; expiresAt: number };

export class EmbeddedSessionError extends Error {
  override name = "EmbeddedSessionError";
  constructor(readonly reason: "expired" | "invalid") {
    super(reason === "expired" ? "The app session has expired." : "The app session is not valid.");
  }
}

function sessionKey(secret: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", secret, "storelink", "embedded-session/v1", 32));
}

export async function mintEmbeddedSession(
  claims: { connectionId: string; storeId: string },
  options: { now?: number; ttlSeconds?: number; secret?: string } = {},
): Promise<{ token: string; expiresAt: number }> {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const ttl = Math.min(options.ttlSeconds ?? EMBEDDED_SESSION_TTL_SECONDS, EMBEDDED_SESSION_TTL_SECONDS);
  const expiresAt = now + ttl;
  const token = await new SignJWT({ store: claims.storeId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.connectionId)
    .setIssuer(ISSUER)
    .setAudience(EMBEDDED_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .setJti(crypto.randomUUID())
    .sign(sessionKey(options.secret ?? env.AUTH_SECRET));
  return { token, expiresAt: expiresAt * 1000 };
}

/** The session a token carries, or EmbeddedSessionError("expired" | "invalid"). */
export async function verifyEmbeddedSession(
  token: unknown,
  options: { now?: number; secret?: string } = {},
): Promise<EmbeddedSession> {
  if (typeof token !== "string" || token.length > 2048) throw new EmbeddedSessionError("invalid");
  try {
    const { payload } = await jwtVerify(token, sessionKey(options.secret ?? env.AUTH_SECRET), {
      algorithms: ["HS256"],
      audience: EMBEDDED_AUDIENCE,
      issuer: ISSUER,
      clockTolerance: 5,
      maxTokenAge: EMBEDDED_SESSION_TTL_SECONDS + 5,
      currentDate: options.now !== undefined ? new Date(options.now) : undefined,
    });
    if (typeof payload.sub !== "string" || typeof payload.store !== "string" || typeof payload.exp !== "number") {
      throw new EmbeddedSessionError("invalid");
    }
    return { connectionId: payload.sub, storeId: payload.store, expiresAt: payload.exp * 1000 };
  } catch (error) {
    if (error instanceof EmbeddedSessionError) throw error;
    if (error instanceof errors.JWTExpired) throw new EmbeddedSessionError("expired");
    throw new EmbeddedSessionError("invalid");
  }
}
