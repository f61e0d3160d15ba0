import { expect, test, type Request } from "@playwright/test";
import { connectThroughUi, elasticPathUrl, grantOf, sandbox, seedEpStore } from "./support/elasticpath-fixtures";
import { storageStatePath, testEnv } from "./support/test-env";

test.use({ storageState: storageStatePath("viewer") });

test.describe("storefront preview with implicit tokens @elasticpath @security", () => {
  test("the browser reads the catalog from Elastic Path with an implicit token only; no secret reaches it", async ({
    page,
    browser,
  }) => {
    const store = await seedEpStore({ productCount: 15 });
    const admin = await browser.newContext({ storageState: storageStatePath("admin") });
    const { connectionId } = await connectThroughUi(await admin.newPage(), store);
    await admin.close();

    const ep = new URL(await elasticPathUrl()).origin;
    const epRequests: Request[] = [];
    const bodies: string[] = [];
    page.on("request", (r) => void (r.url().startsWith(ep) && epRequests.push(r)));
    const app = new URL(testEnv.appUrl).origin;
    // Every HTML, RSC, JS and server-action response the app sends this browser.
    page.on("response", async (r) => void (r.url().startsWith(app) && bodies.push(await r.text().catch(() => ""))));

    await page.goto(`/stores/${connectionId}/preview`);
    const products = page.getByRole("list", { name: "Products" }).getByRole("listitem");
    await expect(products).toHaveCount(12);
    await expect(page.getByText("Products 1–12 of 15")).toBeVisible();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(products).toHaveCount(3);

    expect(epRequests.length).toBeGreaterThanOrEqual(2);
    expect(bodies.length).toBeGreaterThan(3);
    const tokens = new Set(epRequests.map((r) => r.headers().authorization?.replace(/^Bearer /, "") ?? ""));
    for (const token of tokens) expect(await grantOf(token)).toBe("implicit");
    // Nothing the app sent the browser contains the store's client_secret.
    await page.waitForLoadState("networkidle");
    expect(bodies.join("\n")).not.toContain(store.key.client_secret);
    expect(await page.content()).not.toContain(store.key.client_secret);
  });

  test("the channel picks the catalog through its rules; nothing published says so, then shows the release once published", async ({
    page,
    browser,
  }) => {
    const store = await seedEpStore({ productCount: 9, publish: false });
    const admin = await browser.newContext({ storageState: storageStatePath("admin") });
    const { connectionId } = await connectThroughUi(await admin.newPage(), store);
    await admin.close();

    await page.goto(`/stores/${connectionId}/preview`);
    await expect(page.getByRole("heading", { name: "Nothing is published for shoppers here" })).toBeVisible();
    await expect(page.getByText("shoppers without a channel or context tag")).toBeVisible();

    await sandbox.publishElasticPath(store.storeId);
    await page.getByRole("button", { name: "Reload products" }).click();
    const products = page.getByRole("list", { name: "Products" }).getByRole("listitem");
    await expect(products).toHaveCount(9);
    // Display prices are Elastic Path's own formatting of minor units in the default currency (USD cents).
    await expect(products.first()).toContainText("$15.00");

    // The sandbox's "Mobile app" rule matches EP-Channel: mobile and selects the smaller mobile catalog.
    await page.getByLabel("Channel (EP-Channel)").fill("mobile");
    await page.getByRole("button", { name: "Show this catalog" }).click();
    await expect(products).toHaveCount(3);
    await expect(page.getByText("Products 1–3 of 3")).toBeVisible();
  });
});
