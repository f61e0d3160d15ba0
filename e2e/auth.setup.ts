import { expect, test as setup } from "@playwright/test";
import { SignInPage } from "./support/sign-in";
import { storageStatePath, TEST_USERS, type TestUser } from "./support/test-env";

// Signs each test account in once and saves its session for the specs.
for (const user of Object.keys(TEST_USERS) as TestUser[]) {
  setup(`sign in as ${user}`, async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(TEST_USERS[user].email);
    await expect(page).toHaveURL(/\/stores$/);
    await page.context().storageState({ path: storageStatePath(user) });
  });
}
