import type { RawResource } from "@/lib/platforms/types";

// What the raw passthrough may reach on the generic OAuth2 provider: its resource API, never /oauth.
export const oauth2RawResources: readonly RawResource[] = [
  { path: "/api/shop", methods: ["GET"] },
  { path: "/api/products", methods: ["GET", "POST", "PUT", "DELETE"] },
  { path: "/api/orders", methods: ["GET", "POST", "PUT", "DELETE"] },
  { path: "/api/customers", methods: ["GET", "POST", "PUT", "DELETE"] },
];
