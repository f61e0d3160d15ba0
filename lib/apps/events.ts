// The events an app can receive, and what each means. Connection events come from Storelink's lifecycle;
// store events are the platforms' own webhooks (Ecwid today), forwarded in one normalised shape.

export const WEBHOOK_EVENT_TYPES = [
  "connection.created",
  "connection.degraded",
  "connection.needs_reauth",
  "connection.recovered",
  "connection.revoked",
  "unified_token.revoked",
  "order.created",
  "order.updated",
  "product.updated",
  "app.uninstalled",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number] | "test.ping";

export const EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "connection.created": "A merchant connected a store through the app's connect session",
  "connection.degraded": "Renewing or checking the store's credentials is failing; Storelink keeps retrying",
  "connection.needs_reauth": "The platform rejected Storelink's credentials: the merchant must re-authorize",
  "connection.recovered": "The connection works again after being degraded or needing re-authorization",
  "connection.revoked": "The store was disconnected or the app was uninstalled: its tokens stopped working",
  "unified_token.revoked": "One of the app's unified tokens for the store was revoked",
  "order.created": "The store has a new order (forwarded from the platform)",
  "order.updated": "An order changed (forwarded from the platform)",
  "product.updated": "A product changed, including its stock (forwarded from the platform)",
  "app.uninstalled": "The merchant uninstalled Storelink's app from the store (forwarded from the platform)",
  "test.ping": "A test event sent from the dashboard",
};

export const isWebhookEventType = (value: string): value is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
