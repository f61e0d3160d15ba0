import { mkdirSync } from "node:fs";
import { expect, test } from "./support/fixtures";
import { ecwidUrls, freshEcwidStore, sandbox } from "./support/ecwid-sandbox";
import { callUnifiedApi, connectEcwidStore } from "./support/operator-helpers";
import { ADA_HOME, connectThroughUi, sandbox as epSandbox, seedEpStore } from "./support/elasticpath-fixtures";
import { storageStatePath } from "./support/test-env";

// The README's screenshots (docs/screenshots/*.png). Not part of the default run: `npm run screenshots`
// (SCREENSHOTS=1) runs only this file. Seeds a little data through the app first so the pages aren't empty.

const OUT = "docs/screenshots";

test.describe("screenshots @screenshots", () => {
  test.skip(!process.env.SCREENSHOTS, "Run with SCREENSHOTS=1 (npm run screenshots)");
  test.describe.configure({ mode: "serial", timeout: 120_000 });
  test.use({ storageState: storageStatePath("owner"), viewport: { width: 1440, height: 900 } });

  test.beforeAll(() => mkdirSync(OUT, { recursive: true }));

  test("dashboard and key pages", async ({ page, request }) => {
    const store = await connectEcwidStore(page);
    await page.screenshot({ path: `${OUT}/ecwid-install-done.png`, fullPage: true });
    for (const path of ["/api/v1/store", "/api/v1/products?limit=5", "/api/v1/orders", "/api/v1/orders/missing"]) {
      await callUnifiedApi(request, store.token, path);
    }
    const pages: [string, string][] = [
      ["/", "home"],
      ["/stores", "stores"],
      [`/stores/${store.connectionId}`, "store-detail"],
      ["/requests", "api-requests"],
      ["/audit", "audit-log"],
      ["/users", "users"],
      ["/settings", "settings"],
      ["/platforms", "platforms"],
    ];
    for (const [path, name] of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
    }
    await page.goto("/settings");
    await page.getByRole("button", { name: "Check the Ecwid app configuration" }).click();
    await expect(page.getByText(/problems? found/)).toBeVisible();
    await page.screenshot({ path: `${OUT}/settings-ecwid-check.png`, fullPage: true });
  });

  test("the Control Panel page inside the sandbox Ecwid host, desktop and mobile", async ({ page }) => {
    const store = await freshEcwidStore();
    await sandbox.installEcwid(store.storeId);
    for (const [name, viewport] of [
      ["control-panel", { width: 1440, height: 900 }],
      ["control-panel-mobile", { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`${ecwidUrls.ecwidMy}/cp/${store.storeId}`);
      const frame = page.frameLocator('[data-testid="app-iframe"]');
      // The /ecwid page is built by the Ecwid issue; wait for any heading it renders.
      await expect(frame.locator("h1, h2").first()).toBeVisible({ timeout: 30_000 });
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
    }
  });

  test("Elastic Path shoppers: the shoppers page and the storefront preview signed in as a customer", async ({ page }) => {
    const store = await seedEpStore({ productCount: 4, publish: true });
    const { connectionId } = await connectThroughUi(page, store);
    const ada = await epSandbox.createElasticPathCustomer(store.storeId, {
      name: "Ada Lovelace",
      email: "ada@shopper.example",
      password: "ada-demo-pass",
    });
    for (const amount of [4850, 1999])
      await epSandbox.addElasticPathShopperRecord(store.storeId, "orders", { customerId: ada.id, amount });
    await epSandbox.addElasticPathShopperRecord(store.storeId, "addresses", { customerId: ada.id, ...ADA_HOME });
    await epSandbox.addElasticPathShopperRecord(store.storeId, "carts", {
      customerId: ada.id,
      name: "Birthday gifts",
      items: [
        { sku: "EP-SC-001", quantity: 2 },
        { sku: "EP-SC-002", quantity: 1 },
      ],
    });
    await epSandbox.createElasticPathAccountMember(store.storeId, {
      name: "Grace Hopper",
      email: "grace@shopper.example",
      username: "grace",
      password: "grace-demo-pass",
      accounts: ["Hopper Retail", "Hopper Wholesale"],
    });
    await page.goto(`/stores/${connectionId}/shoppers`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Shoppers");
    await page.screenshot({ path: `${OUT}/elasticpath-shoppers.png`, fullPage: true });
    await page.getByRole("button", { name: "Create test member" }).click();
    await page.screenshot({ path: `${OUT}/elasticpath-create-member.png` });
    await page.keyboard.press("Escape");

    await page.goto(`/stores/${connectionId}/preview`);
    await page.getByLabel("Customer email").fill("ada@shopper.example");
    await page.getByLabel("Shopper password").fill("ada-demo-pass");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("region", { name: "Shopper carts" })).toBeVisible();
    await page.screenshot({ path: `${OUT}/elasticpath-shopper-preview.png`, fullPage: true });
  });
});
