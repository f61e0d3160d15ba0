import "server-only";
import { PlatformError, type PlatformAdapter } from "@/lib/platforms/types";

// PLACEHOLDER until the ECWID adapter lands: every call answers "not supported".
const notYet = async (): Promise<never> => {
  throw new PlatformError("not_supported", "The ECWID adapter is not built yet.");
};

export const ecwidAdapter: PlatformAdapter = {
  platform: "ECWID",
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
