import { createHash, randomBytes } from "node:crypto";

// Storelink's own bearer secrets: `<prefix>` + 32 random bytes in base62 (43 chars) + a 6-char base62 CRC-32
// of that body. The fixed prefix and checksum let secret scanners recognise and validate one offline (as
// GitHub's tokens do); only its SHA-256 is stored. `slk_` unified tokens, `sla_` app keys.

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BODY_LENGTH = 43;
const CHECKSUM_LENGTH = 6;

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

export const hashSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

export function prefixedSecret(prefix: string) {
  const pattern = new RegExp(`^${prefix}[0-9A-Za-z]{${BODY_LENGTH + CHECKSUM_LENGTH}}$`);
  return {
    prefix,
    pattern,
    generate(): string {
      const body = base62(BigInt(`0x${randomBytes(32).toString("hex")}`), BODY_LENGTH);
      return `${prefix}${body}${checksum(body)}`;
    },
    /** True when the string has the secret's shape and a valid checksum (no database needed). */
    isWellFormed(candidate: string): boolean {
      if (!pattern.test(candidate)) return false;
      const body = candidate.slice(prefix.length, prefix.length + BODY_LENGTH);
      return candidate.slice(prefix.length + BODY_LENGTH) === checksum(body);
    },
    /** What the dashboard shows: `slk_AbCd…wxyz`. */
    displayParts(secret: string) {
      return { prefix: secret.slice(0, prefix.length + 4), last4: secret.slice(-4) };
    },
  };
}
