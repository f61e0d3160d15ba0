import { expect, test } from "./support/fixtures";
import { ecwidUrls, freshEcwidStore, sandbox } from "./support/ecwid-sandbox";

// The merchant's view: Storelink's /ecwid page inside the sandbox Control Panel on a phone-sized screen.

test.describe("Control Panel page at 390 px @embedded @ecwid @a11y", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("loads in the iframe and never scrolls sideways", async ({ page }) => {
    const store = await freshEcwidStore();
    await sandbox.installEcwid(store.storeId);
    await page.goto(`${ecwidUrls.ecwidMy}/cp/${store.storeId}`);
    const frame = page.frameLocator('[data-testid="app-iframe"]');
    await expect(frame.getByText(store.name).first()).toBeVisible({ timeout: 20_000 });
    const inner = page.frames().find((f) => f.url().includes("/ecwid"));
    expect(inner, "the /ecwid iframe").toBeTruthy();
    const { scroll, width } = await inner!.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: document.documentElement.clientWidth,
    }));
    expect(scroll, "the embedded page scrolls sideways").toBeLessThanOrEqual(width);
    const host = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(host.scroll).toBeLessThanOrEqual(host.width);
  });
});
