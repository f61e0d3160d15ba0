// GET /api/v1/store: the connected store's profile in Storelink's shape.
import { output, unifiedRoute } from "@/lib/api/handler";
import { storeSchema } from "@/lib/api/schemas";

export const GET = unifiedRoute(async ({ adapter, ctx }) => output(storeSchema, await adapter.getStore(ctx)));
