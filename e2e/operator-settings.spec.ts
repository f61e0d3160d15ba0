import { expect, test } from "./support/fixtures";
import { expectNoHorizontalScroll, expectNoSeriousAxeViolations } from "./support/operator-helpers";
import { SANDBOX_ECWID_CLIENT_SECRET } from "../scripts/lib/sandbox-env";
import { storageStatePath } from "./support/test-env";

test.describe("settings", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("shows configured platforms, sandbox hosts and vault key ids, never a secret @security", async ({ page }) => {
    const response = await page.goto("/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page.getByText("Sandbox").first()).toBeVisible();
    await expect(page.getByText("Encrypting key id")).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: /^e2e$/ }).first()).toBeVisible();
    const html = (await response?.text()) ?? "";
    expect(html).not.toContain(SANDBOX_ECWID_CLIENT_SECRET);
    expect(html).not.toMatch(/e2e:[A-Za-z0-9+/]{20,}/);
  });

  test("checks the Ecwid app configuration and explains each finding @ecwid", async ({ page }) => {
    await page.goto("/settings");
    const rsc: string[] = [];
    page.on("response", async (r) => {
      if (r.request().method() === "POST") rsc.push(await r.text().catch(() => ""));
    });
    await page.getByRole("button", { name: "Check the Ecwid app configuration" }).click();
    await expect(page.getByText("No problems found")).toBeVisible();
    for (const id of ["scopes", "reachable", "authorize", "credentials"]) {
      await expect(page.getByTestId(`finding-${id}`)).toHaveAttribute("data-status", "ok");
    }
    await expect(page.getByTestId("finding-credentials")).toContainText("invalid_grant");
    expect(rsc.join("")).not.toContain(SANDBOX_ECWID_CLIENT_SECRET);
  });

  test("has no serious or critical axe violations and fits 390 px @a11y", async ({ page }) => {
    await page.goto("/settings");
    await expectNoSeriousAxeViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expectNoHorizontalScroll(page);
  });
});

test.describe("settings as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });
  test("can read but not run the check", async ({ page }) => {
    await page.goto("/settings");
    await expect(page.getByRole("button", { name: "Check the Ecwid app configuration" })).toBeDisabled();
  });
});
