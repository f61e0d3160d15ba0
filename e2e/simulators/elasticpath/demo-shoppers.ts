// The demo store's shoppers (`npm run demo` prints their sign-in): a customer with orders, an address and a
// cart, another customer whose order the first cannot see, and an account member in two accounts, each
// account with its own orders and address. Sandbox passwords, like the sandbox's keys, are fixtures.
import type { EpStore } from "../state";
import { addEpAccountMember, addEpAddress, addEpCart, addEpCustomer, addEpOrder } from "./shopper-store";

export const DEMO_CUSTOMER = { name: "Ada Lovelace", email: "ada@shopper.example", password: "ada-demo-pass" };
export const DEMO_MEMBER = {
  name: "Grace Hopper",
  email: "grace@shopper.example",
  username: "grace",
  password: "grace-demo-pass",
  accounts: ["Hopper Retail", "Hopper Wholesale"],
};

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 10, 30)).toISOString();

export function seedDemoShoppers(store: EpStore): void {
  const ada = addEpCustomer(store, DEMO_CUSTOMER)!;
  const other = addEpCustomer(store, {
    name: "Charles Babbage",
    email: "charles@shopper.example",
    password: "charles-demo-pass",
  })!;
  const home = { name: "Home", city: "London", country: "GB" };
  addEpOrder(store, { customerId: ada.id, amount: 4850, createdAt: day(3) });
  addEpOrder(store, { customerId: ada.id, amount: 1999, status: "incomplete", payment: "unpaid", createdAt: day(20) });
  addEpOrder(store, { customerId: other.id, amount: 7300, createdAt: day(11) });
  addEpAddress(store, {
    customerId: ada.id,
    ...home,
    firstName: "Ada",
    lastName: "Lovelace",
    line1: "12 St James's Square",
    postcode: "SW1Y 4JH",
  });
  const [first, second] = store.products;
  if (first && second)
    addEpCart(store, {
      customerId: ada.id,
      name: "Birthday gifts",
      items: [
        { sku: first.sku, quantity: 2 },
        { sku: second.sku, quantity: 1 },
      ],
    });

  const grace = addEpAccountMember(store, DEMO_MEMBER);
  grace.accountIds.forEach((accountId, i) => {
    addEpOrder(store, { accountId, memberId: grace.id, amount: 12000 + i * 5500, createdAt: day(5 + i * 7) });
    addEpAddress(store, {
      accountId,
      name: i === 0 ? "Shop" : "Warehouse",
      firstName: "Grace",
      lastName: "Hopper",
      line1: i === 0 ? "1 Harbour Street" : "Unit 9, Dock Road",
      city: "Arlington",
      postcode: i === 0 ? "22201" : "22202",
      country: "US",
    });
  });
}
