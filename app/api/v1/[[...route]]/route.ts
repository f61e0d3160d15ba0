// /api/v1/*: the unified API's Hono app (lib/api/app.ts), mounted in Next for one-process deployments.
// `npm run start:api` serves the same app standalone, without Next's router on every call.
import { handle } from "hono/vercel";
import { unifiedApi } from "@/lib/api/app";

export const dynamic = "force-dynamic";

const serve = handle(unifiedApi());
export { serve as GET, serve as POST, serve as PUT, serve as PATCH, serve as DELETE, serve as HEAD, serve as OPTIONS };
