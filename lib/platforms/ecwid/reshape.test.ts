import { describe, expect, it } from "vitest";
import { nextOffsetCursor, offsetFromCursor, reshapeOrder, reshapeProduct, reshapeStore } from "./reshape";

describe("Ecwid reshape", () => {
  it("reshapes the profile", () => {
    expect(
      reshapeStore("1003", {
        settings: { storeName: "Sunrise" },
        account: { accountEmail: "o@x" },
        generalInfo: { storeUrl: "https://s" },
        formatsAndUnits: { currency: "USD" },
      }),
    ).toEqual({ id: "1003", name: "Sunrise", platform: "ECWID", url: "https://s", email: "o@x", currency: "USD" });
    expect(reshapeStore("7", {}).name).toBe("Ecwid store 7");
  });

  it("treats unlimited stock as null", () => {
    expect(reshapeProduct({ id: 1, name: "Mug", unlimited: true, quantity: 3 }).stock).toBeNull();
    expect(reshapeProduct({ id: 1, name: "Mug", quantity: 3, enabled: false })).toMatchObject({
      id: "1",
      stock: 3,
      enabled: false,
      sku: null,
    });
  });

  it("keeps only documented statuses and normalizes dates", () => {
    const order = reshapeOrder({
      id: "FJ45D",
      total: 10,
      paymentStatus: "PAID",
      fulfillmentStatus: "WEIRD",
      createDate: "2024-05-01 10:00:00 +0000",
    });
    expect(order).toMatchObject({
      id: "FJ45D",
      paymentStatus: "PAID",
      fulfillmentStatus: null,
      createdAt: "2024-05-01T10:00:00.000Z",
    });
  });

  it("pages with offset cursors", () => {
    expect(nextOffsetCursor(0, 10, 25)).toBe("10");
    expect(nextOffsetCursor(20, 5, 25)).toBeNull();
    expect(offsetFromCursor("30")).toBe(30);
    expect(offsetFromCursor("-1")).toBe(0);
  });
});
