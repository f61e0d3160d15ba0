// Identifier helpers. Default-seed credentials are derived from a fixed string
// so the demo and QA can rely on them across restarts; runtime ones are random.
import { createHash, randomBytes, randomUUID } from "node:crypto";

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

export function randomAlnum(len: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const bytes = randomBytes(len);
  let out = "";
  for (let i = 0; i < len; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

/** Deterministic lowercase-hex string of `len` chars derived from `seed`. */
export function deterministicHex(seed: string, len: number): string {
  let out = "";
  let i = 0;
  while (out.length < len) out += createHash("sha256").update(`${seed}#${i++}`).digest("hex");
  return out.slice(0, len);
}

export function deterministicUuid(seed: string): string {
  const h = deterministicHex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function uuid(): string {
  return randomUUID();
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Ecwid's date format, e.g. "2024-03-01 10:20:30 +0000". */
export function ecwidDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " +0000");
}
