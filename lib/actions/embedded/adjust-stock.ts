"use server";

import { z } from "zod";
import { ecwidAdapter } from "@/lib/platforms/ecwid/adapter";
import { auditEmbedded, embeddedAction } from "./embedded-action";

const schema = z.object({
  productId: z.string().regex(/^\d{1,18}$/, "Choose a product."),
  delta: z.coerce
    .number()
    .int("Enter a whole number.")
    .min(-100_000)
    .max(100_000)
    .refine((d) => d !== 0, "Enter a change other than 0."),
});

/** Changes a product's stock by a delta (never an absolute value: concurrent sales must not be lost). */
export const adjustEcwidStock = embeddedAction({ schema, name: "adjust_stock" }, async ({ productId, delta }, ctx) => {
  const product = await ecwidAdapter.adjustStock(ctx.ecwid, productId, delta);
  await auditEmbedded(ctx, "stock_adjusted", { productId, delta, stock: product.stock });
  return { productId: product.id, name: product.name, stock: product.stock };
});
