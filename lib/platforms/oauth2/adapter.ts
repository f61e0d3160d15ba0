import "server-only";
import { PlatformError, type PlatformAdapter } from "@/lib/platforms/types";

// PLACEHOLDER until the OAUTH2 adapter lands: every call answers "not supported".
const notYet = async (): Promise<never> => {
  throw new PlatformError("not_supported", "The OAUTH2 adapter is not built yet.");
};

export const oauth2Adapter: PlatformAdapter = {
  platform: "OAUTH2",
  healthCheck: notYet,
  getStore: notYet,
  listProducts: notYet,
  getProduct: notYet,
  adjustStock: notYet,
  listOrders: notYet,
  getOrder: notYet,
  updateOrder: notYet,
  raw: notYet,
};
