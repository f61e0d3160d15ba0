// The signed-in shopper's orders, saved addresses and carts, read by the browser from Elastic Path with the
// implicit token plus the shopper's token (EPDEV customer-token.mdx: "Use the X-Moltin-Customer-Token header
// and the implicit token to access the orders and …"; the account token does the same for an account).
import { readFailure, send, shopperHeaders, ShopperError, type Implicit, type ShopperAuth } from "./shopper-requests";

export type Order = { id: string; status: string; payment: string; shipping: string; total: string; createdAt: string | null };
export type Address = { id: string; name: string; recipient: string; lines: string };
export type CartItem = { id: string; sku: string; name: string; quantity: number; value: string };
export type Cart = { id: string; name: string; total: string; updatedAt: string | null; items: CartItem[] };

type Price = { formatted?: string } | undefined;
type Json = Record<string, unknown>;

/** Elastic Path's samples put an order's totals in meta.display_price; its schema lists them in meta itself. */
function orderOf(o: Json): Order {
  const meta = (o.meta ?? {}) as { display_price?: { with_tax?: Price }; with_tax?: Price; timestamps?: { created_at?: string } };
  return {
    id: String(o.id),
    status: String(o.status ?? "—"),
    payment: String(o.payment ?? "—"),
    shipping: String(o.shipping ?? "—"),
    total: meta.display_price?.with_tax?.formatted ?? meta.with_tax?.formatted ?? "—",
    createdAt: meta.timestamps?.created_at ?? null,
  };
}

async function get(implicit: Implicit, auth: ShopperAuth, path: string, what: string): Promise<Json> {
  const response = await send(implicit, path, { headers: shopperHeaders(auth) });
  if (!response.ok) throw await readFailure(response, what);
  return (await response.json()) as Json;
}

const list = (body: Json): Json[] => (Array.isArray(body.data) ? (body.data as Json[]) : []);

/** The shopper's orders, newest first (the first 25: a preview, not a back office). */
export async function readOrders(implicit: Implicit, auth: ShopperAuth): Promise<Order[]> {
  return list(await get(implicit, auth, "/v2/orders?page[limit]=25", "orders")).map(orderOf);
}

/**
 * One order by id. Elastic Path does not document what a shopper gets for someone else's order (404 or 403);
 * a 403 is told apart from an ended shopper token by reading the shopper's own orders, which still work then.
 */
export async function readOrder(implicit: Implicit, auth: ShopperAuth, orderId: string): Promise<Order> {
  try {
    return orderOf((await get(implicit, auth, `/v2/orders/${encodeURIComponent(orderId)}`, "order")).data as Json);
  } catch (e) {
    if (!(e instanceof ShopperError) || e.kind !== "expired") throw e;
    await readOrders(implicit, auth); // throws "expired" when the token really ended
    throw new ShopperError("not_found", "Elastic Path shows this shopper no such order.");
  }
}

export async function readAddresses(implicit: Implicit, auth: ShopperAuth): Promise<Address[]> {
  const path =
    auth.kind === "customer"
      ? `/v2/customers/${encodeURIComponent(auth.customerId)}/addresses`
      : `/v2/accounts/${encodeURIComponent(auth.accountId)}/addresses`;
  return list(await get(implicit, auth, path, "addresses")).map((a) => ({
    id: String(a.id),
    name: String(a.name ?? "—"),
    recipient: [a.first_name, a.last_name].filter(Boolean).join(" ") || "—",
    lines: [a.line_1, a.line_2, a.city, a.postcode, a.country].filter(Boolean).join(", "),
  }));
}

/** The shopper's carts (newest update first), each with its items. */
export async function readCarts(implicit: Implicit, auth: ShopperAuth): Promise<Cart[]> {
  const carts = list(await get(implicit, auth, "/v2/carts?page[limit]=10", "carts"));
  return Promise.all(
    carts.map(async (c) => {
      const meta = (c.meta ?? {}) as { display_price?: { with_tax?: Price }; timestamps?: { updated_at?: string } };
      const items = list(await get(implicit, auth, `/v2/carts/${encodeURIComponent(String(c.id))}/items`, "cart"));
      return {
        id: String(c.id),
        name: String(c.name ?? "Cart"),
        total: meta.display_price?.with_tax?.formatted ?? "—",
        updatedAt: meta.timestamps?.updated_at ?? null,
        items: items.map((i) => {
          const display = (i.meta as { display_price?: { with_tax?: { value?: Price } } } | undefined)?.display_price;
          return {
            id: String(i.id),
            sku: String(i.sku ?? "—"),
            name: String(i.name ?? "—"),
            quantity: Number(i.quantity ?? 0),
            value: display?.with_tax?.value?.formatted ?? "—",
          };
        }),
      };
    }),
  );
}
