// GET /api/v1/orders/{id}: one order. PATCH {paymentStatus?, fulfillmentStatus?}: updates its statuses.
import { output, parseInput, readJson, unifiedRoute } from "@/lib/api/handler";
import { idSchema, orderPatchSchema, orderSchema } from "@/lib/api/schemas";

export const GET = unifiedRoute<{ id: string }>(async ({ params, adapter, ctx }) =>
  output(orderSchema, await adapter.getOrder(ctx, parseInput(idSchema, params.id))),
);

export const PATCH = unifiedRoute<{ id: string }>(async ({ request, params, adapter, ctx }) => {
  const patch = parseInput(orderPatchSchema, await readJson(request));
  return output(orderSchema, await adapter.updateOrder(ctx, parseInput(idSchema, params.id), patch));
});
