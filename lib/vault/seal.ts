import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { KeyRing } from "./key-ring";

/**
 * Envelope encryption, AES-256-GCM at both levels: every write draws a fresh 256-bit data key that encrypts
 * the payload, and the key ring's newest key wraps that data key. Both layers get a random 96-bit IV and
 * keep their 128-bit tag. The associated data (the row it belongs to) is bound into both layers, so a
 * ciphertext copied into another row, or a data key swapped between rows, fails to decrypt.
 */
export type Sealed = {
  ciphertext: Buffer;
  iv: Buffer;
  tag: Buffer;
  /** iv(12) ‖ encrypted data key(32) ‖ tag(16), under the ring key named by keyId. */
  wrappedKey: Buffer;
  keyId: string;
};

export class VaultError extends Error {
  override name = "VaultError";
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: Buffer) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

function gcmDecrypt(key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Buffer {
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new VaultError("Malformed ciphertext envelope.");
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // GCM gives no detail on purpose; neither do we (no oracle about which part was wrong).
    throw new VaultError("Credentials could not be decrypted: wrong key, wrong row, or tampered data.");
  }
}

export function seal(value: unknown, associatedData: string, ring: KeyRing): Sealed {
  const { id, key } = ring.current;
  const aad = Buffer.from(associatedData, "utf8");
  const dataKey = randomBytes(32);
  try {
    const body = gcmEncrypt(dataKey, Buffer.from(JSON.stringify(value), "utf8"), aad);
    const wrap = gcmEncrypt(key, dataKey, Buffer.concat([aad, Buffer.from(`|key:${id}`)]));
    return {
      ciphertext: body.ciphertext,
      iv: body.iv,
      tag: body.tag,
      wrappedKey: Buffer.concat([wrap.iv, wrap.ciphertext, wrap.tag]),
      keyId: id,
    };
  } finally {
    dataKey.fill(0);
  }
}

export function open<T = unknown>(sealed: Sealed, associatedData: string, ring: KeyRing): T {
  const key = ring.byId(sealed.keyId);
  if (!key) throw new VaultError(`Vault key "${sealed.keyId}" is not in STORELINK_VAULT_KEYS.`);
  const aad = Buffer.from(associatedData, "utf8");
  const w = sealed.wrappedKey;
  if (w.length !== IV_BYTES + 32 + TAG_BYTES) throw new VaultError("Malformed wrapped data key.");
  const dataKey = gcmDecrypt(
    key,
    w.subarray(0, IV_BYTES),
    w.subarray(IV_BYTES, IV_BYTES + 32),
    w.subarray(IV_BYTES + 32),
    Buffer.concat([aad, Buffer.from(`|key:${sealed.keyId}`)]),
  );
  try {
    return JSON.parse(gcmDecrypt(dataKey, sealed.iv, sealed.ciphertext, sealed.tag, aad).toString("utf8")) as T;
  } finally {
    dataKey.fill(0);
  }
}
