import { expect, test } from "./support/fixtures";
import {
  callUnifiedApi,
  connectEcwidStore,
  expectNoHorizontalScroll,
  expectNoSeriousAxeViolations,
} from "./support/operator-helpers";
import { storageStatePath } from "./support/test-env";

test.describe("API request log @ecwid", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("logs unified-API calls per connection, masked, with charts", async ({ page, request }) => {
    const store = await connectEcwidStore(page);
    expect((await callUnifiedApi(request, store.token, "/api/v1/store")).status()).toBe(200);
    expect((await callUnifiedApi(request, store.token, "/api/v1/products?limit=2")).status()).toBe(200);
    expect((await callUnifiedApi(request, store.token, "/api/v1/orders/does-not-exist")).status()).toBeGreaterThanOrEqual(400);

    await page.goto(`/requests?connection=${store.connectionId}`);
    await expect(page.getByRole("heading", { level: 1, name: "API requests" })).toBeVisible();
    await expect(page.getByText(`for ${store.name}`)).toBeVisible();
    await expect
      .poll(async () => page.reload().then(() => page.getByRole("row").filter({ hasText: store.name }).count()))
      .toBe(3);
    await expect(page.getByRole("row").filter({ hasText: "/api/v1/store" })).toContainText("200");
    await expect(page.getByText("3 requests, 1 errors (status 400 or above) in the last 24 hours.")).toBeVisible();
    await expect(page.locator("figure .recharts-surface").first()).toBeVisible();
    const html = await page.content();
    expect(html).not.toContain(store.token);

    await page.getByLabel("Status").selectOption("4xx");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=4xx/);
    await expect(page.getByRole("row").filter({ hasText: store.name })).toHaveCount(1);
  });

  test("retention can be changed by an admin and is audited", async ({ page }) => {
    await page.goto("/requests");
    page.once("dialog", (d) => void d.accept());
    await page.getByLabel("Keep requests for (days)").fill("365");
    await page.getByRole("button", { name: "Save retention" }).click();
    await expect(page.getByText(/Keeping 365 days/)).toBeVisible();
    await page.goto("/audit?action=settings.retention_changed");
    await expect(page.getByRole("row").filter({ hasText: '"days":365' }).first()).toBeVisible();
  });

  test("has no serious or critical axe violations and fits 390 px @a11y", async ({ page }) => {
    test.slow(); // axe over the heaviest page (charts and a full table), then a reload at 390 px
    await page.goto("/requests");
    await expect(page.getByRole("heading", { level: 1, name: "API requests" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expectNoHorizontalScroll(page);
  });
});
