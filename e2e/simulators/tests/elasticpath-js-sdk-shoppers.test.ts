// The sandbox's shopper records and account-member administration driven by @elasticpath/js-sdk (a client
// nobody here wrote): a customer's orders, addresses and carts with X-Moltin-Customer-Token, an account's with
// EP-Account-Management-Authentication-Token, and an admin adding a member the documented way (user
// authentication info → password profile info → account membership).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startHarness, type Harness } from "./harness";
import { rejection, sdkFor, type SdkStore } from "./js-sdk-client";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterAll(() => h.close());

const sdk = (store: SdkStore, grant: "client_credentials" | "implicit", headers?: Record<string, string>) =>
  sdkFor(h, store, grant, headers ? { headers } : {});

const address = {
  name: "Home",
  firstName: "Ron",
  lastName: "Swanson",
  line1: "1 Sunny Street",
  city: "Pawnee",
  postcode: "47998",
  country: "US",
};

describe("@elasticpath/js-sdk: shopper records and account-member administration", () => {
  it("a customer reads only their own orders, addresses and carts", async () => {
    const store = await h.control.createElasticPathStore({ productCount: 4 });
    const ron = await h.control.createElasticPathCustomer(store.storeId, {
      name: "Ron",
      email: "ron@example.test",
      password: "lagavulin",
    });
    const tom = await h.control.createElasticPathCustomer(store.storeId, {
      name: "Tom",
      email: "tom@example.test",
      password: "snakejuice",
    });
    const sku = (await sdk(store, "client_credentials").PCM.All()).data[0]!.attributes.sku!;
    const ronOrder = await h.control.addElasticPathShopperRecord(store.storeId, "orders", { customerId: ron.id, amount: 4200 });
    const tomOrder = await h.control.addElasticPathShopperRecord(store.storeId, "orders", { customerId: tom.id, amount: 999 });
    await h.control.addElasticPathShopperRecord(store.storeId, "addresses", { customerId: ron.id, ...address });
    const cart = await h.control.addElasticPathShopperRecord(store.storeId, "carts", {
      customerId: ron.id,
      name: "Cabin",
      items: [{ sku, quantity: 2 }],
    });

    const shopper = sdk(store, "implicit");
    const token = (await shopper.Customers.Token("ron@example.test", "lagavulin")).data.token;
    const orders = await shopper.Orders.All(token);
    expect(orders.data.map((o) => o.id)).toEqual([ronOrder.id]);
    expect(orders.data[0]).toMatchObject({
      type: "order",
      status: "complete",
      payment: "paid",
      contact: { email: "ron@example.test" },
    });
    expect((await shopper.Orders.Get(ronOrder.id, token)).data.id).toBe(ronOrder.id);
    expect((await rejection(shopper.Orders.Get(tomOrder.id, token))).errors[0]).toMatchObject({ status: "404" });
    expect((await rejection(shopper.Orders.All())).errors[0]).toMatchObject({ status: "403" });

    const addresses = await shopper.CustomerAddresses.All({ customer: ron.id, token });
    expect(addresses.data).toEqual([expect.objectContaining({ type: "address", line_1: "1 Sunny Street", country: "US" })]);
    expect((await rejection(shopper.CustomerAddresses.All({ customer: tom.id, token }))).errors[0]).toMatchObject({
      status: "404",
    });

    const carts = (await shopper.Cart().GetCartsList(token)) as unknown as { data: { id: string; name: string }[] };
    expect(carts.data.map((c) => [c.id, c.name])).toEqual([[cart.id, "Cabin"]]);
    const asRon = sdk(store, "implicit", { "X-Moltin-Customer-Token": token });
    const items = await asRon.Cart(cart.id).Items();
    expect(items.data).toEqual([expect.objectContaining({ type: "cart_item", sku, quantity: 2 })]);

    // Tom's token sees Tom's order only.
    const tomToken = (await shopper.Customers.Token("tom@example.test", "snakejuice")).data.token;
    expect((await shopper.Orders.All(tomToken)).data.map((o) => o.id)).toEqual([tomOrder.id]);
    expect((await shopper.Cart().GetCartsList(tomToken)) as unknown as { data: unknown[] }).toMatchObject({ data: [] });
  });

  it("an admin adds a member the documented way; the member's account token reads that account's orders and addresses", async () => {
    const store = await h.control.createElasticPathStore();
    const admin = sdk(store, "client_credentials");
    const settings = (await admin.AccountAuthenticationSettings.Get()) as unknown as {
      data: { relationships: { authentication_realm: { data: { id: string } } } };
    };
    const realmId = settings.data.relationships.authentication_realm.data.id;
    const profileId = (await admin.PasswordProfile.All(realmId)).data[0]!.id;
    const account = (await admin.Accounts.Create({ type: "account", name: "Pawnee Parks", legal_name: "Pawnee Parks" } as never))
      .data;
    const info = (await admin.UserAuthenticationInfo.Create(realmId, {
      data: { type: "user_authentication_info", name: "Leslie", email: "leslie@example.test" },
    } as never)) as unknown as { data: { id: string } };
    await admin.UserAuthenticationPasswordProfile.Create(realmId, info.data.id, {
      data: {
        type: "user_authentication_password_profile_info",
        password_profile_id: profileId,
        username: "leslie",
        password: "waffles-1",
      },
    } as never);
    await admin.AccountMemberships.Create(account.id, { type: "account_membership", account_member_id: info.data.id } as never);
    expect(
      (
        await rejection(
          admin.AccountMemberships.Create(account.id, { type: "account_membership", account_member_id: info.data.id } as never),
        )
      ).errors[0],
    ).toMatchObject({ status: "409" });
    expect((await admin.AccountMembers.All()).data.map((m) => [m.id, m.email])).toEqual([[info.data.id, "leslie@example.test"]]);

    const order = await h.control.addElasticPathShopperRecord(store.storeId, "orders", {
      accountId: account.id,
      memberId: info.data.id,
      amount: 1500,
    });
    await h.control.addElasticPathShopperRecord(store.storeId, "addresses", { accountId: account.id, ...address });
    const shopper = sdk(store, "implicit");
    const body = {
      type: "account_management_authentication_token",
      authentication_mechanism: "password",
      password_profile_id: profileId,
      username: "leslie",
      password: "waffles-1",
    };
    const [token] = (await shopper.AccountMembers.GenerateAccountToken(body as never)).data;
    expect(token).toMatchObject({ account_id: account.id, account_name: "Pawnee Parks" });
    const asLeslie = sdk(store, "implicit", { "EP-Account-Management-Authentication-Token": token!.token });
    const orders = await asLeslie.Orders.All();
    expect(orders.data.map((o) => o.id)).toEqual([order.id]);
    expect((orders.data[0] as unknown as { relationships: unknown }).relationships).toMatchObject({
      account: { data: { id: account.id } },
      account_member: { data: { id: info.data.id } },
    });
    expect((await shopper.AccountAddresses.All({ account: account.id, token: token!.token })).data).toHaveLength(1);
    // A password under 8 characters is refused, as documented.
    const other = (await admin.UserAuthenticationInfo.Create(realmId, {
      data: { type: "user_authentication_info", name: "Andy", email: "andy@example.test" },
    } as never)) as unknown as { data: { id: string } };
    expect(
      (
        await rejection(
          admin.UserAuthenticationPasswordProfile.Create(realmId, other.data.id, {
            data: {
              type: "user_authentication_password_profile_info",
              password_profile_id: profileId,
              username: "andy",
              password: "short",
            },
          } as never),
        )
      ).errors[0],
    ).toMatchObject({ status: "400" });
  });
});
