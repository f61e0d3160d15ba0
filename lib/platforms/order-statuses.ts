// The unified API's order statuses. They are Ecwid's (EAD `_orders.md`): the Ecwid adapter passes them
// through, the OAuth2 adapter maps onto them, and the Control Panel page offers them. Importable from
// client code (no server-only, nothing but the lists).

export const PAYMENT_STATUSES = [
  "AWAITING_PAYMENT",
  "PAID",
  "CANCELLED",
  "REFUNDED",
  "PARTIALLY_REFUNDED",
  "INCOMPLETE",
] as const;

export const FULFILLMENT_STATUSES = [
  "AWAITING_PROCESSING",
  "PROCESSING",
  "SHIPPED",
  "DELIVERED",
  "WILL_NOT_DELIVER",
  "RETURNED",
  "READY_FOR_PICKUP",
] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];
