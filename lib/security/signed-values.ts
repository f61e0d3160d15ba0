import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { safeEqual } from "./compare";

// The one place Storelink signs or seals short-lived values it hands out and must trust again later: the
// OAuth flows' state cookies, re-authorize links, a new unified token on its way to being shown once.
// Every purpose gets its own key, derived from AUTH_SECRET, so a value made for one use never passes for
// another (and rotating AUTH_SECRET voids them all).

const keyFor = (purpose: string) => Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "storelink", `storelink:${purpose}`, 32));

/** base64url HMAC-SHA256 of `message` with the purpose's key. */
export const signature = (purpose: string, message: string) =>
  createHmac("sha256", keyFor(purpose)).update(message).digest("base64url");

/** Constant-time check of a signature made by `signature(purpose, message)`. */
export const verifySignature = (purpose: string, message: string, presented: string | null | undefined) =>
  !!presented && safeEqual(signature(purpose, message), presented);

/** A signed, expiring JSON value (readable by whoever holds it: use sealValue for secrets). */
export function signValue(purpose: string, payload: object, ttlMs: number, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: now + ttlMs })).toString("base64url");
  return `${body}.${signature(purpose, body)}`;
}

export function verifyValue<T>(purpose: string, value: string | undefined, now = Date.now()): T | null {
  if (!value) return null;
  const [body, mac, extra] = value.split(".");
  if (!body || !mac || extra !== undefined || !verifySignature(purpose, body, mac)) return null;
  const parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T & { exp: number };
  return typeof parsed.exp === "number" && parsed.exp > now ? parsed : null;
}

/** An encrypted, authenticated, expiring JSON value (AES-256-GCM): for a secret in transit. */
export function sealValue(purpose: string, payload: object, ttlMs: number, now = Date.now()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify({ ...payload, exp: now + ttlMs }), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url");
}

export function openValue<T>(purpose: string, value: string | undefined, now = Date.now()): T | null {
  if (!value) return null;
  try {
    const raw = Buffer.from(value, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const parsed = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")) as T & {
      exp: number;
    };
    return parsed.exp > now ? parsed : null;
  } catch {
    return null;
  }
}
