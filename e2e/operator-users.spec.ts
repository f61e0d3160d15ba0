import { expect, test } from "./support/fixtures";
import { SignInPage } from "./support/sign-in";
import { expectNoHorizontalScroll, expectNoSeriousAxeViolations, uniqueEmail } from "./support/operator-helpers";
import { storageStatePath } from "./support/test-env";

test.describe("user management (owner)", () => {
  test.use({ storageState: storageStatePath("owner") });

  test("creates an account and changes its role from the keyboard only @a11y", async ({ page }) => {
    const email = uniqueEmail("kbd");
    await page.goto("/users");
    await page.getByLabel("Email").focus();
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Role", { exact: true })).toBeFocused();
    await page.keyboard.press("Home"); // first option: Viewer
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Create account" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("new-password")).toBeVisible();

    const row = page.getByTestId(`user-row-${email}`);
    await expect(row.getByRole("cell", { name: "Viewer", exact: true })).toBeVisible();
    await row.getByRole("button", { name: "Manage", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(row.getByLabel(`Role for ${email}`, { exact: true })).toBeFocused();
    await page.keyboard.press("End"); // last option: Owner
    await page.keyboard.press("Tab");
    await expect(row.getByRole("button", { name: `Save role for ${email}` })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(row.getByText("Role changed to owner.")).toBeVisible();
    await expect(row.getByRole("cell", { name: "Owner", exact: true })).toBeVisible();

    await page.goto(`/audit?action=user.role_changed`);
    await expect(page.getByRole("row").filter({ hasText: email })).toContainText('"to":"OWNER"');
  });

  test("deactivates after confirmation (the account can no longer sign in) and reactivates", async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = uniqueEmail("deact");
    await page.goto("/users");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Create account" }).click();
    const password = (await page.getByTestId("new-password").textContent()) ?? "";

    const row = page.getByTestId(`user-row-${email}`);
    await row.getByRole("button", { name: "Manage", exact: true }).click();
    await row.getByRole("button", { name: `Deactivate ${email}` }).click();
    await expect(row.getByRole("group", { name: `Confirm deactivation of ${email}` })).toBeVisible();
    await row.getByRole("button", { name: "Cancel" }).click();
    await expect(row.getByRole("cell", { name: "Active", exact: true })).toBeVisible();
    await row.getByRole("button", { name: `Deactivate ${email}` }).click();
    await row.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(row.getByRole("cell", { name: "Deactivated", exact: true })).toBeVisible();

    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const other = await context.newPage();
    const signIn = new SignInPage(other);
    await signIn.goto();
    await signIn.signIn(email, password);
    await expect(other.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    await context.close();

    await row.getByRole("button", { name: `Reactivate ${email}` }).click();
    await row.getByRole("button", { name: "Yes, reactivate" }).click();
    await expect(row.getByRole("cell", { name: "Active", exact: true })).toBeVisible();
  });

  test("an owner can't deactivate their own account, and the last owner rule is explained", async ({ page }) => {
    await page.goto("/users");
    const me = page.getByTestId("user-row-owner@e2e.test");
    await me.getByRole("button", { name: "Manage", exact: true }).click();
    await expect(me.getByLabel("Role for owner@e2e.test", { exact: true })).toBeVisible();
    await expect(me.getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
    await expect(page.getByText(/At least one active owner always remains/)).toBeVisible();
  });

  test("has no serious or critical axe violations and fits 390 px @a11y", async ({ page }) => {
    await page.goto("/users");
    await expect(page.getByRole("table")).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expectNoHorizontalScroll(page);
  });
});

test.describe("user management is owner-only @security", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("an admin sees no management controls and the actions refuse", async ({ page }) => {
    await page.goto("/users");
    await expect(page.getByRole("columnheader", { name: "Manage" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Manage", exact: true })).toHaveCount(0);
  });
});
