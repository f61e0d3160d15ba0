// POST /api/v1/products/{id}/stock {delta}: adjusts stock by a delta; answers the updated product. With an
// Idempotency-Key header the delta is applied at most once per key (lib/api/idempotency.ts).
import { output, parseInput, readJson, unifiedRoute } from "@/lib/api/handler";
import { idempotent } from "@/lib/api/idempotency";
import { idSchema, productSchema, stockInputSchema } from "@/lib/api/schemas";

export const POST = unifiedRoute<{ id: string }>(async ({ request, params, adapter, ctx }) => {
  const { delta } = parseInput(stockInputSchema, await readJson(request));
  const id = parseInput(idSchema, params.id);
  return idempotent(request, ctx.connection.id, { id, delta }, async () => output(productSchema, await adapter.adjustStock(ctx, id, delta)));
});
