import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { appAlert } from "./support/locators";
import { storageStatePath } from "./support/test-env";

test.describe("roles are enforced on the server @security", () => {
  test.describe("as a viewer", () => {
    test.use({ storageState: storageStatePath("viewer") });

    test("reads pages but a mutation is refused with a clear message", async ({ page }) => {
      const email = `refused-${randomBytes(4).toString("hex")}@e2e.test`;
      await page.goto("/users");
      await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
      await page.getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(appAlert(page)).toContainText("Your role (Viewer) can view this page but not change it");
      await page.reload();
      await expect(page.getByRole("cell", { name: email })).toHaveCount(0);
    });
  });

  test.describe("as an owner", () => {
    test.use({ storageState: storageStatePath("owner") });

    test("creates an account and sees its password once", async ({ page }) => {
      const email = `new-${randomBytes(4).toString("hex")}@e2e.test`;
      await page.goto("/users");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Role").selectOption("VIEWER");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByTestId("new-password")).toHaveText(/^[A-Za-z0-9]{20}$/);
      await page.reload();
      await expect(page.getByRole("cell", { name: email })).toBeVisible();
      await expect(page.getByTestId("new-password")).toHaveCount(0);
    });
  });
});
