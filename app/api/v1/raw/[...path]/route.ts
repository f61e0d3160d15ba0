// ANY /api/v1/raw/{path}: passthrough to the store's platform API with credentials injected, confined to it.
import { rawPassthrough } from "@/lib/api/raw";
import { unifiedRoute } from "@/lib/api/handler";

const handle = unifiedRoute(rawPassthrough);
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
