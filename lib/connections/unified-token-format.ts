import { createHash, randomBytes } from "node:crypto";

// Storelink's unified token: `slk_` + 32 random bytes in base62 (43 chars) + a 6-char base62 CRC-32 of
// that body. The fixed prefix and checksum let secret scanners recognise and validate a token offline
// (as GitHub's tokens do); only its SHA-256 hash is stored.

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const TOKEN_PREFIX = "slk_";
const BODY_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
export const UNIFIED_TOKEN_PATTERN = /^slk_[0-9A-Za-z]{49}$/;

function base62(value: bigint, length: number): string {
  let out = "";
  for (let v = value; v > 0n; v /= 62n) out = ALPHABET[Number(v % 62n)] + out;
  return out.padStart(length, "0");
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const checksum = (body: string) => base62(BigInt(crc32(body)), CHECKSUM_LENGTH);

export function generateUnifiedToken(): string {
  const body = base62(BigInt(`0x${randomBytes(32).toString("hex")}`), BODY_LENGTH);
  return `${TOKEN_PREFIX}${body}${checksum(body)}`;
}

/** True when the string has the token's shape and a valid checksum (no database needed). */
export function isWellFormedUnifiedToken(candidate: string): boolean {
  if (!UNIFIED_TOKEN_PATTERN.test(candidate)) return false;
  const body = candidate.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + BODY_LENGTH);
  return candidate.slice(TOKEN_PREFIX.length + BODY_LENGTH) === checksum(body);
}

export const hashUnifiedToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** What the dashboard shows: `slk_AbCd…wxyz`. */
export function displayParts(token: string) {
  return { prefix: token.slice(0, TOKEN_PREFIX.length + 4), last4: token.slice(-4) };
}
