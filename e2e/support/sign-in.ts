import { expect, type Page } from "@playwright/test";
import { appAlert } from "./locators";
import { TEST_PASSWORD } from "./test-env";

/** Page object for the sign-in page. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  }

  async signIn(email: string, password = TEST_PASSWORD) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async expectError(text: RegExp | string) {
    await expect(appAlert(this.page)).toContainText(text);
  }
}
