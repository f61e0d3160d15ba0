import "server-only";
import { PlatformError, type PlatformAdapter } from "@/lib/platforms/types";

// PLACEHOLDER until the ELASTICPATH adapter lands: every call answers "not supported".
const notYet = async (): Promise<never> => {
  throw new PlatformError("not_supported", "The ELASTICPATH adapter is not built yet.");
};

export const elasticPathAdapter: PlatformAdapter = {
  platform: "ELASTICPATH",
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
