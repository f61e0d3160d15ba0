import type { RawResource } from "@/lib/platforms/types";

// What the raw passthrough may reach on Ecwid (paths below /api/v3/{storeId}): the store's data. Not app
// storage, the app's subscription (DELETE /application uninstalls the app), profile updates (store
// settings), payment or shipping settings, staff or webhooks.
const ALL = ["GET", "POST", "PUT", "DELETE"] as const;

export const ecwidRawResources: readonly RawResource[] = [
  { path: "/products", methods: ALL },
  { path: "/categories", methods: ALL },
  { path: "/orders", methods: ALL },
  { path: "/customers", methods: ALL },
  { path: "/customer_groups", methods: ALL },
  { path: "/discount_coupons", methods: ALL },
  { path: "/classes", methods: ["GET"], note: "product types" },
  { path: "/carts", methods: ["GET"], note: "abandoned carts" },
  { path: "/profile", methods: ["GET"], note: "read only: PUT changes the store's settings" },
  { path: "/latest-stats", methods: ["GET"] },
];
