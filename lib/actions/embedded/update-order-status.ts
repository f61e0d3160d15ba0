"use server";

import { z } from "zod";
import { ecwidAdapter } from "@/lib/platforms/ecwid/adapter";
import { FULFILLMENT_STATUSES } from "@/lib/platforms/order-statuses";
import { auditEmbedded, embeddedAction } from "./embedded-action";

const schema = z.object({
  orderId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose an order."),
  fulfillmentStatus: z.enum(FULFILLMENT_STATUSES),
});

/** Changes an order's fulfillment status with the store's secret token. */
export const updateEcwidOrderStatus = embeddedAction(
  { schema, name: "update_order_status" },
  async ({ orderId, fulfillmentStatus }, ctx) => {
    const order = await ecwidAdapter.updateOrder(ctx.ecwid, orderId, { fulfillmentStatus });
    await auditEmbedded(ctx, "order_status_changed", { orderId, fulfillmentStatus });
    return { id: order.id, fulfillmentStatus: order.fulfillmentStatus };
  },
);
