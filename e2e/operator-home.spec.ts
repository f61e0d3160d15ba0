import { expect, test } from "./support/fixtures";
import { expectNoHorizontalScroll, expectNoSeriousAxeViolations } from "./support/operator-helpers";
import { storageStatePath } from "./support/test-env";

test.describe("home page @smoke", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("shows counts by status and platform, attention list, failures and charts", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Home", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { name: "Connections by status" })).toBeVisible();
    for (const label of ["Needs re-auth", "Degraded", "Active", "Revoked"]) {
      await expect(page.getByRole("link", { name: new RegExp(`^\\d+ ${label}$`) })).toBeVisible();
    }
    await expect(page.getByRole("link", { name: /^\d+ Ecwid$/ })).toHaveAttribute("href", "/stores?platform=ECWID");
    await expect(page.getByRole("heading", { name: "Needs attention" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Recent refresh failures" })).toBeVisible();
    await expect(page.getByRole("figure", { name: "Requests and errors per hour" })).toBeVisible();
    await expect(page.getByRole("figure", { name: "Credential refreshes and failures" })).toBeVisible();
    // recharts draws after measuring the container: an SVG surface appears.
    await expect(page.locator("figure .recharts-surface").first()).toBeVisible();
  });

  test("the nav links to every operator page", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const [name, path] of [
      ["API requests", "/requests"],
      ["Audit", "/audit"],
      ["Users", "/users"],
      ["Settings", "/settings"],
      ["Stores", "/stores"],
      ["Platforms", "/platforms"],
    ] as const) {
      await expect(nav.getByRole("link", { name, exact: true })).toHaveAttribute("href", path);
    }
  });

  test("has no serious or critical axe violations @a11y", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("figure .recharts-surface").first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("fits a 390 px wide screen @a11y", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});
