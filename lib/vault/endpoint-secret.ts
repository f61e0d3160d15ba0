import "server-only";
import type { KeyRing } from "./key-ring";
import { open, seal, type Sealed } from "./seal";

// A webhook endpoint's Standard Webhooks signing secret, sealed with the endpoint id as associated data (copied
// to another row it will not open). The current secret lives in byte columns; the previous one, kept for 24 h of
// double signing after a rotation, in a JSON column as base64. Rotation re-seals both through these functions.

export const webhookEndpointAad = (endpointId: string, previous = false) =>
  `storelink:webhook-endpoint:${endpointId}${previous ? ":previous" : ""}`;

export type SealedSecretColumns = {
  secretCiphertext: Uint8Array<ArrayBuffer>;
  secretIv: Uint8Array<ArrayBuffer>;
  secretTag: Uint8Array<ArrayBuffer>;
  secretWrappedKey: Uint8Array<ArrayBuffer>;
  secretKeyId: string;
};

export type SealedPreviousSecret = { ciphertext: string; iv: string; tag: string; wrappedKey: string; keyId: string };

export function sealEndpointSecret(endpointId: string, secret: string, ring: KeyRing): SealedSecretColumns {
  const s = seal({ secret }, webhookEndpointAad(endpointId), ring);
  return {
    secretCiphertext: new Uint8Array(s.ciphertext),
    secretIv: new Uint8Array(s.iv),
    secretTag: new Uint8Array(s.tag),
    secretWrappedKey: new Uint8Array(s.wrappedKey),
    secretKeyId: s.keyId,
  };
}

export function openEndpointSecret(endpointId: string, row: SealedSecretColumns, ring: KeyRing): string {
  const sealed: Sealed = {
    ciphertext: Buffer.from(row.secretCiphertext),
    iv: Buffer.from(row.secretIv),
    tag: Buffer.from(row.secretTag),
    wrappedKey: Buffer.from(row.secretWrappedKey),
    keyId: row.secretKeyId,
  };
  return open<{ secret: string }>(sealed, webhookEndpointAad(endpointId), ring).secret;
}

export function sealPreviousSecret(endpointId: string, secret: string, ring: KeyRing): SealedPreviousSecret {
  const s = seal({ secret }, webhookEndpointAad(endpointId, true), ring);
  return {
    ciphertext: s.ciphertext.toString("base64"),
    iv: s.iv.toString("base64"),
    tag: s.tag.toString("base64"),
    wrappedKey: s.wrappedKey.toString("base64"),
    keyId: s.keyId,
  };
}

/** The JSON column's value when it holds a sealed previous secret, else null (no rotation in progress). */
export function previousSecretOf(stored: unknown): SealedPreviousSecret | null {
  if (!stored || typeof stored !== "object") return null;
  const s = stored as Partial<SealedPreviousSecret>;
  return s.ciphertext && s.iv && s.tag && s.wrappedKey && s.keyId ? (s as SealedPreviousSecret) : null;
}

export function openPreviousSecret(endpointId: string, stored: unknown, ring: KeyRing): string | null {
  const s = previousSecretOf(stored);
  if (!s) return null;
  const sealed: Sealed = {
    ciphertext: Buffer.from(s.ciphertext, "base64"),
    iv: Buffer.from(s.iv, "base64"),
    tag: Buffer.from(s.tag, "base64"),
    wrappedKey: Buffer.from(s.wrappedKey, "base64"),
    keyId: s.keyId,
  };
  return open<{ secret: string }>(sealed, webhookEndpointAad(endpointId, true), ring).secret;
}
