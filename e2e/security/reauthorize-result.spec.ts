import { expect, test } from "@playwright/test";
import { appAlert } from "../support/locators";
import { storageStatePath } from "../support/test-env";

// F12: /reauthorize/result?outcome=failed&message=<any text> printed attacker text on Storelink's own page
// (and /stores?error=<any text> did the same inside the dashboard). Those pages now show only messages
// Storelink chose: the links carry an outcome code, the page maps it to text.

const SPOOF = "Your store was suspended. Call +1 555 0100 and read us your Ecwid password";

test.describe("result pages show only Storelink's own messages @security", () => {
  test("the re-authorize result page ignores any message or store text in its link", async ({ page }) => {
    for (const query of [
      `outcome=failed&message=${encodeURIComponent(SPOOF)}`,
      `outcome=failed&code=declined&message=${encodeURIComponent(SPOOF)}`,
      `outcome=done&store=${encodeURIComponent(SPOOF)}`,
      `outcome=failed&code=${encodeURIComponent(SPOOF)}`,
    ]) {
      const response = await page.goto(`/reauthorize/result?${query}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator("body"), query).not.toContainText("555 0100", { useInnerText: true });
      await expect(page.locator("body"), query).not.toContainText("suspended", { useInnerText: true });
    }
  });

  test("an outcome code shows the text Storelink wrote for it", async ({ page }) => {
    await page.goto("/reauthorize/result?outcome=failed&code=declined");
    await expect(appAlert(page)).toContainText("The store owner declined the authorization.");
    await page.goto("/reauthorize/result?outcome=failed&code=link_expired");
    await expect(appAlert(page)).toContainText("This sign-in link expired or was not started here.");
    await page.goto("/reauthorize/result?outcome=failed&code=not-a-code");
    await expect(appAlert(page)).toContainText("Connecting did not finish. Please start again.");
    await page.goto("/reauthorize/result?outcome=done");
    await expect(page.getByRole("heading", { name: "Store reconnected" })).toBeVisible();
  });

  test.describe("inside the dashboard", () => {
    test.use({ storageState: storageStatePath("admin") });

    test("the stores page ignores free text in its error parameter", async ({ page }) => {
      await page.goto(`/stores?error=${encodeURIComponent(SPOOF)}`);
      await expect(page.getByRole("heading", { name: "Connected stores" })).toBeVisible();
      await expect(page.locator("body")).not.toContainText("555 0100", { useInnerText: true });
      await page.goto("/stores?error=role");
      await expect(appAlert(page)).toContainText("Your role can view stores but not connect them.");
    });
  });
});
