"use server";

import { z } from "zod";
import { ecwidAdapter } from "@/lib/platforms/ecwid/adapter";
import { embeddedAction } from "./embedded-action";

/** The store's latest orders for the status form (orders need the secret token, so this runs server-side). */
export const listEcwidOrders = embeddedAction({ schema: z.object({}), name: "list_orders" }, async (_input, { ecwid }) => {
  const page = await ecwidAdapter.listOrders(ecwid, { limit: 20 });
  return page.items.map((o) => ({
    id: o.id,
    total: o.total,
    paymentStatus: o.paymentStatus,
    fulfillmentStatus: o.fulfillmentStatus,
  }));
});
