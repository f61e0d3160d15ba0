import { describe, expect, it } from "vitest";
import { CATALOG, lifecycleRule } from "./catalog";

const byName = (name: string) => CATALOG.find((e) => e.name === name)!;

describe("platform catalog", () => {
  it("holds the 51 EcartAPI platforms plus Elastic Path", () => {
    expect(CATALOG).toHaveLength(52);
    expect(new Set(CATALOG.map((e) => e.n)).size).toBe(52);
  });
  it("derives the lifecycle rule from the auth type", () => {
    expect(lifecycleRule(byName("Ecwid"))).toBe("health-check");
    expect(lifecycleRule(byName("Elastic Path"))).toBe("re-mint");
    expect(lifecycleRule(byName("Walmart"))).toBe("re-mint");
    expect(lifecycleRule(byName("eBay"))).toBe("refresh");
    expect(lifecycleRule(byName("Amazon"))).toBe("re-authorize");
    expect(lifecycleRule(byName("WooCommerce"))).toBe("health-check");
  });
});
