import type { RawResource } from "@/lib/platforms/types";

// What the raw passthrough may reach on Elastic Path: catalog, orders, carts, customers and accounts. Not
// /oauth, application keys (a key's client_secret mints tokens that outlive Storelink's access), settings,
// authentication realms and password profiles, payment gateways or integrations.
const ALL = ["GET", "POST", "PUT", "DELETE"] as const;

export const elasticPathRawResources: readonly RawResource[] = [
  { path: "/pcm/products", methods: ALL },
  { path: "/pcm/hierarchies", methods: ALL },
  { path: "/pcm/pricebooks", methods: ALL },
  { path: "/pcm/catalogs", methods: ALL },
  { path: "/catalog", methods: ["GET"], note: "the published shopper catalog" },
  { path: "/v2/inventories", methods: ALL },
  { path: "/v2/orders", methods: ["GET", "POST", "PUT"] },
  { path: "/v2/carts", methods: ALL },
  { path: "/v2/customers", methods: ALL },
  { path: "/v2/accounts", methods: ALL },
  { path: "/v2/account-members", methods: ["GET"] },
  { path: "/v2/currencies", methods: ["GET"] },
  { path: "/v2/files", methods: ["GET"] },
];
