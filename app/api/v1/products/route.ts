// GET /api/v1/products?q&limit&cursor: one page of products.
import { output, parseInput, unifiedRoute } from "@/lib/api/handler";
import { productPageSchema, productQuerySchema } from "@/lib/api/schemas";

export const GET = unifiedRoute(async ({ request, adapter, ctx }) => {
  const query = parseInput(productQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return output(productPageSchema, await adapter.listProducts(ctx, query));
});
