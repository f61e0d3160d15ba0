import { describe, expect, it } from "vitest";
import { reshapeAccount, reshapeCustomer } from "./reshape-shoppers";

describe("Elastic Path shopper reshape", () => {
  it("a customer says whether a password is set, never more", () => {
    const customer = reshapeCustomer({
      id: "c1",
      type: "customer",
      name: "Ada",
      email: "ada@example.test",
      password: true,
      meta: { timestamps: { created_at: "2026-01-01T00:00:00Z" } },
    });
    expect(customer).toEqual({
      id: "c1",
      name: "Ada",
      email: "ada@example.test",
      hasPassword: true,
      createdAt: "2026-01-01T00:00:00Z",
    });
    expect(reshapeCustomer({ id: "c2", type: "customer", name: "Bo", email: "bo@example.test" }).hasPassword).toBe(false);
  });

  it("an account carries the member ids of its memberships", () => {
    const memberships = {
      data: [
        { id: "m-1", type: "account_membership" as const, relationships: { account_member: { data: { id: "member-1" } } } },
        { id: "m-2", type: "account_membership" as const },
      ],
    };
    expect(reshapeAccount({ id: "a1", type: "account", name: "Retail" }, memberships)).toEqual({
      id: "a1",
      name: "Retail",
      legalName: null,
      createdAt: null,
      memberIds: ["member-1"],
    });
  });
});
