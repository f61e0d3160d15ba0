// Accounts of their own for the specs that sign in, sign out, lock out or demote someone: the shared
// owner/admin/viewer sessions saved by the setup project must never be the ones a test ends.
import { randomBytes } from "node:crypto";
import { expect, type Browser, type BrowserContext, type Page, type Request } from "@playwright/test";
import { SignInPage } from "./sign-in";

export type Account = { email: string; password: string };

export const uniqueAccountEmail = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}@e2e.test`;

/** Creates an account through the Users page (as the owner on `ownerPage`) and returns its one-time password. */
export async function createAccount(ownerPage: Page, role: "OWNER" | "ADMIN" | "VIEWER", prefix = "acct"): Promise<Account> {
  const email = uniqueAccountEmail(prefix);
  await ownerPage.goto("/users");
  await ownerPage.getByLabel("Email").fill(email);
  await ownerPage.getByLabel("Role").selectOption(role);
  await ownerPage.getByRole("button", { name: "Create account" }).click();
  const password = (await ownerPage.getByTestId("new-password").textContent())?.trim() ?? "";
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
  return { email, password };
}

/** A new browser (no cookies) signed in as the account, on the stores page. */
export async function signedInBrowser(
  browser: Browser,
  baseURL: string | undefined,
  account: Account,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(account.email, account.password);
  await expect(page).toHaveURL(/\/stores$/);
  return { context, page };
}

/** The session cookie(s) of a context, to replay them later from another one. */
export async function sessionCookies(context: BrowserContext) {
  const cookies = (await context.cookies()).filter((c) => c.name.includes("authjs.session-token"));
  expect(cookies.length).toBeGreaterThan(0);
  return cookies;
}

/** A browser that carries only the given cookies (an old session cookie someone kept). */
export async function browserWithCookies(
  browser: Browser,
  baseURL: string | undefined,
  cookies: Awaited<ReturnType<BrowserContext["cookies"]>>,
) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  await context.addCookies(cookies);
  return context;
}

/** What /api/auth/session answers for a context's cookies, and whether it renewed the session cookie. */
export async function sessionEndpoint(context: BrowserContext) {
  const response = await context.request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  const renewed = response
    .headersArray()
    .filter(
      (h) =>
        h.name.toLowerCase() === "set-cookie" &&
        /authjs\.session-token(\.\d+)?=[^;]+/.test(h.value) &&
        !/authjs\.session-token(\.\d+)?=;/.test(h.value),
    );
  return { body: (await response.json()) as null | { user?: { email?: string; role?: string } }, renewed: renewed.length > 0 };
}

/** A server action request captured from the browser, to replay it later with other cookies or headers. */
export type CapturedAction = { url: string; headers: Record<string, string>; body: string };

export async function captureAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  const requested = page.waitForRequest((r: Request) => r.method() === "POST" && !!r.headers()["next-action"]);
  await trigger();
  const request = await requested;
  await request.response();
  const { cookie: _cookie, "content-length": _length, host: _host, ...headers } = await request.allHeaders();
  return { url: request.url(), headers, body: request.postData() ?? "" };
}
