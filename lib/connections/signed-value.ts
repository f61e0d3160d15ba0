import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// Short-lived values kept in cookies by the connect flows: signed (OAuth state) or sealed (a new unified
// token on its way to being shown once). Keys are derived from AUTH_SECRET per purpose.

const keyFor = (purpose: string) => Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "storelink", `storelink:${purpose}`, 32));

export function signValue(purpose: string, payload: object, ttlMs: number, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: now + ttlMs })).toString("base64url");
  const mac = createHmac("sha256", keyFor(purpose)).update(body).digest("base64url");
  return `${body}.${mac}`;
}

export function verifyValue<T>(purpose: string, value: string | undefined, now = Date.now()): T | null {
  if (!value) return null;
  const [body, mac] = value.split(".");
  if (!body || !mac) return null;
  const expected = Buffer.from(createHmac("sha256", keyFor(purpose)).update(body).digest("base64url"));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T & { exp: number };
  return parsed.exp > now ? parsed : null;
}

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
    const parsed = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")) as T & { exp: number };
    return parsed.exp > now ? parsed : null;
  } catch {
    return null;
  }
}
