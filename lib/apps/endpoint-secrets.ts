import "server-only";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { keyRing } from "@/lib/vault";
import * as vault from "@/lib/vault/endpoint-secret";

// Each webhook endpoint signs with its own Standard Webhooks secret (`whsec_` + base64 of 24 random bytes),
// sealed at rest by the vault (lib/vault/endpoint-secret.ts). During a rotation the previous secret signs too
// (Standard Webhooks carries several signatures), so a receiver can switch within 24 hours.

export const newEndpointSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

export const sealEndpointSecret = (endpointId: string, secret: string) => vault.sealEndpointSecret(endpointId, secret, keyRing());
export const openEndpointSecret = (endpointId: string, row: vault.SealedSecretColumns) =>
  vault.openEndpointSecret(endpointId, row, keyRing());
export const sealPreviousSecret = (endpointId: string, secret: string) => vault.sealPreviousSecret(endpointId, secret, keyRing());
export const openPreviousSecret = (endpointId: string, stored: unknown) =>
  vault.openPreviousSecret(endpointId, stored, keyRing());

/** The webhook-signature header: one `v1,…` per live secret, space-separated (Standard Webhooks). */
export function signatureHeader(secrets: string[], messageId: string, timestamp: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(" ");
}
