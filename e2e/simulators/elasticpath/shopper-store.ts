// The shopper records of a sandbox store as plain state changes, shared by the routes that create them
// (POST /v2/customers, /v2/accounts …), the control API and the demo seed. No HTTP and no sandbox context
// here, so the seed can use them without importing the routes.
import { randomUUID } from "node:crypto";
import type { EpAccount, EpAccountMember, EpAddress, EpCart, EpCustomer, EpOrder, EpOwner, EpStore } from "../state";

const now = () => new Date().toISOString();

/** Adds a customer (the control API and POST /v2/customers share it); null when the email is taken. */
export function addEpCustomer(store: EpStore, input: { name: string; email: string; password: string }): EpCustomer | null {
  if (store.shoppers.customers.some((c) => c.email.toLowerCase() === input.email.toLowerCase())) return null;
  const customer = { id: randomUUID(), ...input, createdAt: new Date().toISOString() };
  store.shoppers.customers.push(customer);
  return customer;
}

/** Adds an account member with a password in the store's password profile, in the named accounts (created as needed). */
export function addEpAccountMember(
  store: EpStore,
  input: { name: string; email: string; username: string; password: string; accounts: string[] },
): EpAccountMember {
  const accountIds = input.accounts.map(
    (name) => (store.shoppers.accounts.find((a) => a.name === name) ?? addEpAccount(store, name)).id,
  );
  const member: EpAccountMember = {
    id: randomUUID(),
    name: input.name,
    email: input.email,
    username: input.username,
    password: input.password,
    passwordProfileId: store.shoppers.passwordProfiles[0]!.id,
    accountIds,
  };
  store.shoppers.members.push(member);
  return member;
}

export function addEpAccount(store: EpStore, name: string, legalName = name): EpAccount {
  const account = { id: randomUUID(), name, legalName, createdAt: now() };
  store.shoppers.accounts.push(account);
  return account;
}

// Records for an existing shopper (the control API and the demo seed).

export type OwnerInput = { customerId: string } | { accountId: string; memberId?: string };

export function addEpOrder(
  store: EpStore,
  input: OwnerInput & { amount: number; status?: EpOrder["status"]; payment?: EpOrder["payment"]; createdAt?: string },
): EpOrder | null {
  const contact = contactOf(store, input);
  if (!contact) return null;
  const order: EpOrder = {
    id: randomUUID(),
    owner: ownerOf(input),
    contact,
    status: input.status ?? "complete",
    payment: input.payment ?? "paid",
    shipping: "unfulfilled",
    amount: input.amount,
    currency: defaultCurrency(store),
    createdAt: input.createdAt ?? new Date().toISOString(),
  };
  store.shoppers.orders.push(order);
  return order;
}

export function addEpAddress(
  store: EpStore,
  input: OwnerInput & Omit<EpAddress, "id" | "owner" | "createdAt">,
): EpAddress | null {
  if (!contactOf(store, input)) return null;
  const { name, firstName, lastName, line1, city, postcode, country } = input;
  const address = {
    id: randomUUID(),
    owner: ownerOf(input),
    name,
    firstName,
    lastName,
    line1,
    city,
    postcode,
    country,
    createdAt: new Date().toISOString(),
  };
  store.shoppers.addresses.push(address);
  return address;
}

/** A cart with some of the store's products (by SKU) for the shopper. */
export function addEpCart(
  store: EpStore,
  input: OwnerInput & { name: string; items: { sku: string; quantity: number }[] },
): EpCart | null {
  if (!contactOf(store, input)) return null;
  const currency = defaultCurrency(store);
  const items = input.items.map(({ sku, quantity }) => {
    const product = store.products.find((p) => p.sku === sku);
    if (!product) return null;
    return {
      id: randomUUID(),
      productId: product.id,
      sku,
      name: product.name,
      quantity,
      unitAmount: product.prices[currency] ?? 0,
    };
  });
  if (items.some((i) => i === null)) return null;
  const at = new Date().toISOString();
  const cart = {
    id: randomUUID(),
    owner: ownerOf(input),
    name: input.name,
    currency,
    items: items as EpCart["items"],
    createdAt: at,
    updatedAt: at,
  };
  store.shoppers.carts.push(cart);
  return cart;
}

const defaultCurrency = (store: EpStore) => store.currencies.find((c) => c.default)?.code ?? "USD";

const ownerOf = (input: OwnerInput): EpOwner =>
  "customerId" in input
    ? { customerId: input.customerId }
    : { accountId: input.accountId, ...(input.memberId ? { memberId: input.memberId } : {}) };

/** The shopper's contact (name, email) when the owner exists in the store, else null. */
function contactOf(store: EpStore, input: OwnerInput): { name: string; email: string } | null {
  if ("customerId" in input) {
    const c = store.shoppers.customers.find((x) => x.id === input.customerId);
    return c ? { name: c.name, email: c.email } : null;
  }
  const account = store.shoppers.accounts.find((x) => x.id === input.accountId);
  if (!account) return null;
  const member = input.memberId ? store.shoppers.members.find((m) => m.id === input.memberId) : undefined;
  if (input.memberId && !member) return null;
  return member ? { name: member.name, email: member.email } : { name: account.name, email: "" };
}
