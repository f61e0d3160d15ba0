// GET /api/v1/products/{id}: one product.
import { output, parseInput, unifiedRoute } from "@/lib/api/handler";
import { idSchema, productSchema } from "@/lib/api/schemas";

export const GET = unifiedRoute<{ id: string }>(async ({ params, adapter, ctx }) =>
  output(productSchema, await adapter.getProduct(ctx, parseInput(idSchema, params.id))),
);
