import { expect, test } from "@playwright/test";
import { ControlPanelHost, ecwidUrls, freshEcwidStore, APP_SCOPES, sandbox } from "./support/ecwid-sandbox";

// The Control Panel page, embedded the way Ecwid embeds it: the sandbox's CP host page frames /ecwid.

test.describe("Ecwid Control Panel page @ecwid @embedded", () => {
  for (const mode of ["encrypted", "hash"] as const) {
    test(`opens inside the Control Panel with the ${mode} payload and talks to the bridge`, async ({ page }) => {
      const store = await freshEcwidStore({ install: true });
      const cp = new ControlPanelHost(page);
      await cp.open(store.storeId, mode);
      await expect(cp.app.getByTestId("store-name")).toHaveText(store.name);
      await expect(cp.app.getByTestId("connection-health")).toHaveText("Connection healthy");
      await expect(cp.app.getByTestId("missing-scopes")).toHaveCount(0);
      await cp.expectBridge(store.storeId, ["ready", "setSize"]);
      const messages = await sandbox.bridgeMessages(store.storeId);
      expect(messages.every((m) => m.ecwidAppNs === "storelink-sandbox")).toBe(true);
      // Exactly what ecwid-app.js posts: ready with data {}, setSize with a CSS length string.
      expect(messages.find((m) => m.method === "ready")?.data).toEqual({});
      expect(
        messages
          .filter((m) => m.method === "setSize")
          .every((m) => /^\d+px$/.test((m.data as { height: unknown }).height as string)),
      ).toBe(true);
      await cp.expectNoBridgeErrors(store.storeId);
      // The host applied the app's latest height (iframe.style.height = data.height; a bare number would not stick).
      const applied = async () => {
        const last = (await sandbox.bridgeMessages(store.storeId)).filter((m) => m.method === "setSize").at(-1)?.data as
          { height?: string } | undefined;
        const style = await page.getByTestId("app-iframe").evaluate((el) => (el as HTMLElement).style.height);
        return style !== "" && style === last?.height;
      };
      await expect.poll(applied).toBe(true);
      if (mode === "hash") expect(await cp.app.locator("body").evaluate(() => window.location.hash)).toBe("");
    });
  }

  test('a Control Panel that sends no referrer still gets ready and setSize (sent to "*", nothing secret)', async ({ page }) => {
    const store = await freshEcwidStore({ install: true });
    const cp = new ControlPanelHost(page);
    await cp.open(store.storeId, "encrypted", "en", { firefoxWithoutReferrer: true });
    await expect(cp.app.getByTestId("store-name")).toHaveText(store.name);
    // The app cannot learn the parent's origin here.
    const seen = await cp.app.locator("body").evaluate(() => ({
      referrer: document.referrer,
      ancestors: (window.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins?.length ?? 0,
    }));
    expect(seen).toEqual({ referrer: "", ancestors: 0 });
    await cp.expectBridge(store.storeId, ["ready", "setSize"]);
    await cp.expectNoBridgeErrors(store.storeId);
  });

  test("lists products from Ecwid in the browser with the public token only", async ({ page }) => {
    const store = await freshEcwidStore({ install: true });
    const apiAuth: string[] = [];
    page.on("request", (request) => {
      if (request.url().startsWith(ecwidUrls.ecwidApi)) apiAuth.push(request.headers()["authorization"] ?? "");
    });
    const cp = new ControlPanelHost(page);
    await cp.open(store.storeId, "encrypted");
    const rows = cp.app.getByTestId("product-row");
    await expect(rows.first()).toBeVisible();
    await expect(cp.app.getByText(/^1–10 of \d+$/)).toBeVisible();
    await cp.app.getByRole("button", { name: "Next" }).click();
    await expect(cp.app.getByText(/^11–\d+ of \d+$/)).toBeVisible();

    const firstName = (await sandbox.ecwidStore(store.storeId)).products.find((p) => p.enabled)?.name as string;
    await cp.app.getByLabel("Search products").fill(firstName);
    await cp.app.getByRole("button", { name: "Search" }).click();
    await expect(rows.first()).toContainText(firstName);
    await cp.app.getByLabel("Search products").fill("no-such-product-zzz");
    await cp.app.getByRole("button", { name: "Search" }).click();
    await expect(cp.app.getByText("No products match.")).toBeVisible();

    expect(apiAuth.length).toBeGreaterThanOrEqual(3);
    for (const header of apiAuth) {
      expect(header).toMatch(/^Bearer public_/);
      expect(header).not.toContain("secret_");
    }
    // Nothing the browser received carries the secret token.
    const html = await cp.app.locator("html").innerHTML();
    expect(html).not.toContain(store.tokens!.access_token);
  });

  test("stock delta and order status change the store through server actions", async ({ page }) => {
    const store = await freshEcwidStore({ install: true });
    const before = await sandbox.ecwidStore(store.storeId);
    const cp = new ControlPanelHost(page);
    await cp.open(store.storeId, "encrypted");

    const row = cp.app
      .getByTestId("product-row")
      .filter({ hasNot: cp.app.getByText("Unlimited") })
      .first();
    const name = (await row.locator("th").textContent())!.trim();
    const product = before.products.find((p) => p.name === name)!;
    await row.getByRole("button", { name: /Adjust stock/ }).click();
    await row.getByLabel(/Change in stock/).fill("5");
    await row.getByRole("button", { name: "Apply" }).click();
    await expect(row.getByText(`Change the stock of “${name}” by +5?`)).toBeVisible();
    await row.getByRole("button", { name: "Confirm" }).click();
    await expect(row.getByRole("status")).toContainText(`is now ${(product.quantity as number) + 5}`);
    const afterStock = (await sandbox.ecwidStore(store.storeId)).products.find((p) => p.id === product.id)!;
    expect(afterStock.quantity).toBe((product.quantity as number) + 5);
    // The list reloads from Ecwid after the change.
    await expect(row.getByTestId("product-stock")).toHaveText(String((product.quantity as number) + 5));

    const order = before.orders.find((o) => o.fulfillmentStatus !== "DELIVERED")!;
    const form = cp.app.getByTestId("order-status-form");
    await form.getByLabel("Order").selectOption(String(order.id));
    await form.getByLabel("New fulfillment status").selectOption("DELIVERED");
    await form.getByRole("button", { name: "Change status" }).click();
    await cp.app.getByRole("button", { name: "Confirm" }).click();
    await expect(cp.app.getByText(`Order ${order.id} is now “Delivered”.`)).toBeVisible();
    const afterOrder = (await sandbox.ecwidStore(store.storeId)).orders.find((o) => o.id === order.id)!;
    expect(afterOrder.fulfillmentStatus).toBe("DELIVERED");
    // The order list reloads too: the picker shows the new status.
    await expect(form.getByLabel("Order").locator("option", { hasText: new RegExp(`^${order.id} ·`) })).toContainText(
      "Delivered",
    );
  });

  test("a product list Ecwid fails to return says so, and Try again loads it", async ({ page }) => {
    const store = await freshEcwidStore({ install: true });
    // The first load and its one automatic retry both fail.
    await sandbox.addFault({
      host: "ecwid-api",
      method: "GET",
      pathPattern: `/api/v3/${store.storeId}/products`,
      status: 500,
      count: 2,
    });
    const cp = new ControlPanelHost(page);
    await cp.open(store.storeId, "encrypted");
    await expect(cp.app.getByText("Ecwid did not return the products.")).toBeVisible();
    await expect(cp.app.getByTestId("product-row")).toHaveCount(0);
    await cp.app.getByRole("button", { name: "Try again" }).click();
    await expect(cp.app.getByTestId("product-row").first()).toBeVisible();
    await expect(cp.app.getByText("Ecwid did not return the products.")).toHaveCount(0);
  });

  test("settings are saved to Ecwid app storage under the public key", async ({ page }) => {
    const store = await freshEcwidStore({ install: true });
    const cp = new ControlPanelHost(page);
    await cp.open(store.storeId, "encrypted");
    const form = cp.app.getByTestId("settings-form");
    await form.getByLabel("Widget title").fill("Our picks");
    await form.getByLabel("Low-stock threshold").fill("7");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByText("Settings saved.")).toBeVisible();
    const storage = (await sandbox.ecwidStore(store.storeId)).storage["storelink-sandbox"]!;
    expect(JSON.parse(storage.public!)).toEqual({ widgetTitle: "Our picks", lowStockThreshold: 7, showStockBadges: true });
    expect(storage.public).not.toMatch(/secret_|public_/);
  });

  test("without update_store_profile the page names the missing scope (read from Ecwid), and saving settings stores nothing", async ({
    page,
  }) => {
    const store = await freshEcwidStore({ install: true, scopes: APP_SCOPES.filter((s) => s !== "update_store_profile") });
    const cp = new ControlPanelHost(page);
    await cp.open(store.storeId, "encrypted");
    // Payloads carry no scopes: the page learnt them from GET /application/token (issue 16.5).
    const notice = cp.app.getByTestId("missing-scopes");
    await expect(notice).toContainText("update_store_profile");
    await expect(notice.getByRole("listitem")).toHaveCount(1);
    await expect(notice.getByRole("link", { name: "Re-authorize Storelink in Ecwid" })).toHaveAttribute(
      "href",
      "/api/ecwid/oauth/start",
    );
    const form = cp.app.getByTestId("settings-form");
    await form.getByLabel("Widget title").fill("Not saved");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByText(/Ecwid refused this change/)).toBeVisible();
    expect((await sandbox.ecwidStore(store.storeId)).storage["storelink-sandbox"]?.public).toBeUndefined();
  });

  for (const mode of ["encrypted", "hash"] as const) {
    test(`app_state "order:<id>" opens that order, and the page links back through openPage (${mode} payload)`, async ({
      page,
    }) => {
      const store = await freshEcwidStore({ install: true });
      const orderId = store.orderIds.at(-1)!;
      const cp = new ControlPanelHost(page);
      await cp.open(store.storeId, mode, "en", { appState: `order:${orderId}` });
      const form = cp.app.getByTestId("order-status-form");
      await expect(form.getByLabel("Order")).toHaveValue(orderId);
      await form.getByRole("button", { name: "Open this order in Ecwid" }).click();
      await expect(page.getByTestId("cp-navigation")).toContainText(`order:id=${orderId}&return=orders`);
      await cp.expectNoBridgeErrors(store.storeId);
    });
  }

  test("view_mode INLINE gets the compact layout without the page header", async ({ page }) => {
    const store = await freshEcwidStore({ install: true });
    const cp = new ControlPanelHost(page);
    await cp.open(store.storeId, "encrypted", "en", { viewMode: "INLINE" });
    await expect(cp.app.getByTestId("embedded-app")).toHaveAttribute("data-view-mode", "INLINE");
    await expect(cp.app.getByTestId("order-status-form")).toBeVisible();
    await expect(cp.app.getByTestId("store-name")).toHaveCount(0);
  });

  test("speaks the merchant's language from the payload", async ({ page }) => {
    const store = await freshEcwidStore({ install: true });
    const cp = new ControlPanelHost(page);
    await cp.open(store.storeId, "encrypted", "es");
    await expect(cp.app.getByRole("heading", { name: "Productos" })).toBeVisible();
    await expect(cp.app.getByTestId("connection-health")).toHaveText("Conexión correcta");
  });
});
