import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SignInPage } from "./support/sign-in";
import { TEST_USERS } from "./support/test-env";

test.describe("admin sign-in @smoke @security", () => {
  test("signs in with the right password and lands on the stores page", async ({ page }) => {
    const signIn = new SignInPage(page);
    await page.goto("/stores");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstores/);
    await signIn.signIn(TEST_USERS.admin.email);
    await expect(page).toHaveURL(/\/stores$/);
    await expect(page.getByRole("heading", { name: "Connected stores" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toContainText(TEST_USERS.admin.email);
  });

  test("refuses a wrong password without saying which part was wrong", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(TEST_USERS.admin.email, "not-the-password");
    await signIn.expectError("That email and password don't match an active account.");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("throttles repeated failures for one email with a clear message", async ({ page }) => {
    // A unique email, so this lock-out touches no other test (the harness ignores X-Forwarded-For: these
    // attempts come out of 127.0.0.1's address budget, which the harness sizes for the whole suite).
    const email = `throttle-${randomBytes(4).toString("hex")}@e2e.test`;
    const signIn = new SignInPage(page);
    await signIn.goto();
    for (let i = 0; i < 5; i++) {
      await signIn.signIn(email, `wrong-${i}`);
      await signIn.expectError("don't match");
    }
    await signIn.signIn(email, "wrong-again");
    await signIn.expectError("Too many failed sign-ins");
  });

  test("does not follow an off-site callbackUrl", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto("https://evil.example/steal");
    await signIn.signIn(TEST_USERS.admin.email);
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/stores$/);
  });
});

test.describe("signed in as owner", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("signs out and the dashboard is closed again", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(TEST_USERS.owner.email);
    await expect(page).toHaveURL(/\/stores$/);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings/);
  });
});
