// A shopper's own records, read by the browser with the implicit token plus the shopper's token, or by the
// admin with client_credentials (EPDEV openapispecs/cartsorders, customeraddresses, addresses):
// - GET /v2/orders: "Pass the X-Moltin-Customer-Token header to limit orders to a specific customer … the
//   EP-Account-Management-Authentication-Token header to limit orders to a specific account";
// - GET /v2/orders/{id}: another shopper's order is a 404 here. Elastic Path does not document the answer
//   (403 and 404 are both plausible); Storelink shows both as "not found" (CONFORMANCE.md, EP shopper rows);
// - GET /v2/customers/{id}/addresses, GET /v2/accounts/{id}/addresses: the shopper's own only;
// - GET /v2/carts ("Get Shopper Carts"): the carts associated with the shopper, newest update first;
//   GET /v2/carts/{id}/items: an associated cart's items, for its own shopper only.
import type { SandboxContext } from "../context";
import { json, type Reply, type Req, type Router } from "../http";
import type { EpAddress, EpCart, EpOrder, EpOwner, EpStore } from "../state";
import { authenticate, epError, isReply, listPage, pageOf } from "./common";
import { shopperScope, type ShopperScope } from "./shopper-tokens";

const ownedBy = (owner: EpOwner, scope: ShopperScope): boolean =>
  scope.kind === "admin" ||
  (scope.kind === "customer" && "customerId" in owner && owner.customerId === scope.customerId) ||
  (scope.kind === "account" && "accountId" in owner && owner.accountId === scope.accountId);

/** Minor units as Elastic Path formats them in its samples ("$10.00"); enough for the sandbox's currencies. */
const price = (amount: number, currency: string) => ({
  amount,
  currency,
  formatted: `${currency === "USD" ? "$" : currency === "EUR" ? "€" : currency === "GBP" ? "£" : `${currency} `}${(amount / 100).toFixed(2)}`,
});

const ownerRelationships = (owner: EpOwner) =>
  "customerId" in owner
    ? { customer: { data: { type: "customer", id: owner.customerId } } }
    : {
        account: { data: { type: "account", id: owner.accountId } },
        ...(owner.memberId ? { account_member: { data: { type: "account_member", id: owner.memberId } } } : {}),
      };

const orderResource = (o: EpOrder) => ({
  type: "order",
  id: o.id,
  status: o.status,
  payment: o.payment,
  shipping: o.shipping,
  anonymized: false,
  contact: o.contact,
  links: {},
  meta: {
    display_price: { with_tax: price(o.amount, o.currency), without_tax: price(o.amount, o.currency), tax: price(0, o.currency) },
    timestamps: { created_at: o.createdAt, updated_at: o.createdAt },
  },
  relationships: ownerRelationships(o.owner),
});

const addressResource = (base: string, a: EpAddress) => ({
  type: "address",
  id: a.id,
  name: a.name,
  first_name: a.firstName,
  last_name: a.lastName,
  line_1: a.line1,
  city: a.city,
  postcode: a.postcode,
  country: a.country,
  meta: { timestamps: { created_at: a.createdAt, updated_at: a.createdAt } },
  links: { self: `${base}/${a.id}` },
  relationships:
    "customerId" in a.owner
      ? { customer: { id: a.owner.customerId, type: "customer" } }
      : { account: { id: a.owner.accountId, type: "account" } },
});

const cartTotal = (c: EpCart) => c.items.reduce((sum, i) => sum + i.quantity * i.unitAmount, 0);
const cartResource = (base: string, c: EpCart) => ({
  type: "cart",
  id: c.id,
  name: c.name,
  description: "",
  links: { self: `${base}/v2/carts/${c.id}` },
  meta: {
    display_price: { with_tax: price(cartTotal(c), c.currency), without_tax: price(cartTotal(c), c.currency) },
    timestamps: { created_at: c.createdAt, updated_at: c.updatedAt },
  },
  relationships: {
    items: { data: c.items.map((i) => ({ type: "cart_item", id: i.id })) },
    ...("customerId" in c.owner
      ? { customers: { data: [{ type: "customer", id: c.owner.customerId }] } }
      : { accounts: { data: [{ type: "account", id: c.owner.accountId }] } }),
  },
});
const cartItemResource = (c: EpCart, i: EpCart["items"][number]) => ({
  type: "cart_item",
  id: i.id,
  product_id: i.productId,
  name: i.name,
  sku: i.sku,
  quantity: i.quantity,
  unit_price: { amount: i.unitAmount, currency: c.currency, includes_tax: true },
  value: { amount: i.unitAmount * i.quantity, currency: c.currency, includes_tax: true },
  meta: {
    display_price: { with_tax: { unit: price(i.unitAmount, c.currency), value: price(i.unitAmount * i.quantity, c.currency) } },
  },
});

type Scoped = { store: EpStore; scope: ShopperScope };
function scoped(ctx: SandboxContext, req: Req): Scoped | Reply {
  const a = authenticate(ctx, req, false);
  if (isReply(a)) return a;
  const scope = shopperScope(ctx, req, a);
  return isReply(scope) ? scope : { store: a.store, scope };
}

export function registerElasticPathShopperRecordRoutes(router: Router, ctx: SandboxContext): void {
  const base = ctx.urls.elasticpath;
  const page = <T>(req: Req, path: string, all: T[]): Reply => {
    const p = pageOf(req);
    return isReply(p) ? p : json(200, listPage(`${base}${path}`, all, p));
  };

  router.add("GET", "/v2/orders", (req) => {
    const s = scoped(ctx, req);
    if (isReply(s)) return s;
    const mine = s.store.shoppers.orders.filter((o) => ownedBy(o.owner, s.scope));
    return page(req, "/v2/orders", [...mine].sort((x, y) => y.createdAt.localeCompare(x.createdAt)).map(orderResource));
  });
  router.add("GET", "/v2/orders/:id", (req) => {
    const s = scoped(ctx, req);
    if (isReply(s)) return s;
    const order = s.store.shoppers.orders.find((o) => o.id === req.params.id && ownedBy(o.owner, s.scope));
    return order ? json(200, { data: orderResource(order) }) : epError(404, "Not Found", "Order not found");
  });

  for (const kind of ["customers", "accounts"] as const)
    router.add("GET", `/v2/${kind}/:id/addresses`, (req) => {
      const s = scoped(ctx, req);
      if (isReply(s)) return s;
      const id = req.params.id ?? "";
      const owner: EpOwner = kind === "customers" ? { customerId: id } : { accountId: id };
      const exists =
        kind === "customers"
          ? s.store.shoppers.customers.some((c) => c.id === id)
          : s.store.shoppers.accounts.some((a) => a.id === id);
      if (!exists || !ownedBy(owner, s.scope))
        return epError(404, "Not Found", kind === "customers" ? "customer not found" : "account not found");
      const path = `/v2/${kind}/${id}/addresses`;
      const mine = s.store.shoppers.addresses.filter((a) =>
        kind === "customers"
          ? "customerId" in a.owner && a.owner.customerId === id
          : "accountId" in a.owner && a.owner.accountId === id,
      );
      return json(200, { data: mine.map((a) => addressResource(`${base}${path}`, a)) });
    });

  router.add("GET", "/v2/carts", (req) => {
    const s = scoped(ctx, req);
    if (isReply(s)) return s;
    if (s.scope.kind === "admin")
      return epError(400, "Bad Request", "A customer token or an account management authentication token is required");
    const mine = s.store.shoppers.carts.filter((c) => ownedBy(c.owner, s.scope));
    return page(
      req,
      "/v2/carts",
      [...mine].sort((x, y) => y.updatedAt.localeCompare(x.updatedAt)).map((c) => cartResource(base, c)),
    );
  });
  router.add("GET", "/v2/carts/:id/items", (req) => {
    const s = scoped(ctx, req);
    if (isReply(s)) return s;
    const cart = s.store.shoppers.carts.find((c) => c.id === req.params.id && ownedBy(c.owner, s.scope));
    if (!cart) return epError(404, "Not Found", "Cart not found");
    return json(200, {
      data: cart.items.map((i) => cartItemResource(cart, i)),
      meta: {
        display_price: { with_tax: price(cartTotal(cart), cart.currency) },
        timestamps: { created_at: cart.createdAt, updated_at: cart.updatedAt },
      },
    });
  });
}
