// POST /api/v1/products/{id}/stock {delta}: adjusts stock by a delta; answers the updated product.
import { output, parseInput, readJson, unifiedRoute } from "@/lib/api/handler";
import { idSchema, productSchema, stockInputSchema } from "@/lib/api/schemas";

export const POST = unifiedRoute<{ id: string }>(async ({ request, params, adapter, ctx }) => {
  const { delta } = parseInput(stockInputSchema, await readJson(request));
  return output(productSchema, await adapter.adjustStock(ctx, parseInput(idSchema, params.id), delta));
});
