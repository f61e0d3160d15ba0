import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhookSignature, webhookSignature } from "./webhooks";

const SECRET = "sandbox-client-secret-0123456789abcdef";
// Independent reference: base64(HMAC-SHA256(client_secret, "{eventCreated}.{eventId}")).
const reference = (created: number, id: string, secret = SECRET) =>
  createHmac("sha256", secret).update(`${created}.${id}`).digest("base64");

describe("Ecwid webhook signature", () => {
  it("matches the documented algorithm", () => {
    expect(webhookSignature(SECRET, 1700000000, "e-1")).toBe(reference(1700000000, "e-1"));
  });

  it("accepts a valid signature and refuses everything else", () => {
    const good = reference(1700000000, "e-1");
    expect(verifyWebhookSignature(SECRET, 1700000000, "e-1", good)).toBe(true);
    expect(verifyWebhookSignature(SECRET, 1700000000, "e-1", null)).toBe(false);
    expect(verifyWebhookSignature(SECRET, 1700000000, "e-1", "")).toBe(false);
    expect(verifyWebhookSignature(SECRET, 1700000001, "e-1", good)).toBe(false);
    expect(verifyWebhookSignature(SECRET, 1700000000, "e-2", good)).toBe(false);
    expect(verifyWebhookSignature(SECRET, 1700000000, "e-1", reference(1700000000, "e-1", "not-the-secret"))).toBe(false);
    expect(verifyWebhookSignature(SECRET, 1700000000, "e-1", good.slice(0, -2))).toBe(false);
  });
});
