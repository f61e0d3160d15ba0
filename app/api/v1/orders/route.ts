// GET /api/v1/orders?paymentStatus&fulfillmentStatus&limit&cursor: one page of orders.
import { output, parseInput, unifiedRoute } from "@/lib/api/handler";
import { orderPageSchema, orderQuerySchema } from "@/lib/api/schemas";

export const GET = unifiedRoute(async ({ request, adapter, ctx }) => {
  const query = parseInput(orderQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return output(orderPageSchema, await adapter.listOrders(ctx, query));
});
