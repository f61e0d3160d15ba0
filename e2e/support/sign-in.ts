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
    // Wait for the server action's answer: React resets the form after it, which would otherwise race
    // with the next attempt's typing.
    const answered = this.page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in",
    );
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    await expect(
      this.page.getByRole("button", { name: /Sign in/ }).or(this.page.getByRole("navigation", { name: "Main" })),
    ).toBeVisible();
  }

  async expectError(text: RegExp | string) {
    await expect(appAlert(this.page)).toContainText(text);
  }
}
