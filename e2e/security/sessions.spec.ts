import { expect, test } from "@playwright/test";
import {
  browserWithCookies,
  captureAction,
  createAccount,
  sessionCookies,
  sessionEndpoint,
  signedInBrowser,
  uniqueAccountEmail,
} from "../support/accounts";
import { storageStatePath } from "../support/test-env";

// F3: sessions are revocable. Sign-out ends that session on the server; "sign out everywhere" ends all of
// an account's sessions; deactivation and role changes end them too. A kept cookie then loads no page, runs
// no action, and /api/auth/session neither answers for it nor renews it. (The 24-hour absolute lifetime is
// covered by lib/auth/sessions.test.ts: a browser test cannot wait a day.)

test.describe("sessions end on the server @security", () => {
  test.use({ storageState: storageStatePath("owner") });
  test.setTimeout(60_000);

  test("after sign-out the old cookie loads no page, runs no action and is not renewed", async ({ page, browser, baseURL }) => {
    const account = await createAccount(page, "OWNER", "signout");
    const { context, page: theirs } = await signedInBrowser(browser, baseURL, account);
    const kept = await sessionCookies(context);

    // A real server action request of that session (creating an account), to replay with the kept cookie.
    const first = uniqueAccountEmail("replay");
    await theirs.goto("/users");
    await theirs.getByLabel("Email").fill(first);
    const action = await captureAction(theirs, () => theirs.getByRole("button", { name: "Create account" }).click());
    await expect(theirs.getByTestId("new-password")).toBeVisible();

    await theirs.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(theirs).toHaveURL(/\/sign-in/);
    await context.close();

    const replay = await browserWithCookies(browser, baseURL, kept);
    const old = await replay.newPage();
    await old.goto("/stores");
    await expect(old).toHaveURL(/\/sign-in/);
    await expect(old.getByRole("heading", { name: "Connected stores" })).toHaveCount(0);

    const session = await sessionEndpoint(replay);
    expect(session.body).toBeNull();
    expect(session.renewed).toBe(false);

    const second = uniqueAccountEmail("replay");
    expect(second.length).toBe(first.length);
    const replayed = await replay.request.post(action.url, {
      headers: action.headers,
      data: action.body.replace(first, second),
      maxRedirects: 0,
    });
    expect(await replayed.text()).not.toContain('"ok":true');
    await replay.close();
    await page.goto("/users");
    await expect(page.getByTestId(`user-row-${first}`)).toBeVisible();
    await expect(page.getByTestId(`user-row-${second}`)).toHaveCount(0);
  });

  test("sign out everywhere (after a confirmation) ends every session of the account", async ({ page, browser, baseURL }) => {
    const account = await createAccount(page, "VIEWER", "everywhere");
    const laptop = await signedInBrowser(browser, baseURL, account);
    const phone = await signedInBrowser(browser, baseURL, account);
    const keptLaptop = await sessionCookies(laptop.context);

    const menu = laptop.page.getByRole("navigation", { name: "Main" });
    await menu.getByRole("button", { name: "Sign out everywhere" }).click();
    const confirm = menu.getByRole("group", { name: "Confirm signing out everywhere" });
    await expect(confirm).toBeVisible();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toHaveCount(0);
    await phone.page.reload();
    await expect(phone.page.getByRole("heading", { name: "Connected stores" })).toBeVisible();

    await menu.getByRole("button", { name: "Sign out everywhere" }).click();
    await menu.getByRole("button", { name: "Yes, sign out everywhere" }).click();
    await expect(laptop.page).toHaveURL(/\/sign-in/);

    await phone.page.reload();
    await expect(phone.page).toHaveURL(/\/sign-in/);
    expect((await sessionEndpoint(phone.context)).body).toBeNull();
    const replay = await browserWithCookies(browser, baseURL, keptLaptop);
    expect((await sessionEndpoint(replay)).body).toBeNull();
    await Promise.all([laptop.context.close(), phone.context.close(), replay.close()]);
  });

  test("deactivation ends the account's sessions and reactivating it does not revive them", async ({
    page,
    browser,
    baseURL,
  }) => {
    const account = await createAccount(page, "ADMIN", "deact-session");
    const theirs = await signedInBrowser(browser, baseURL, account);
    const kept = await sessionCookies(theirs.context);
    expect((await sessionEndpoint(theirs.context)).body?.user?.email).toBe(account.email);

    const row = page.getByTestId(`user-row-${account.email}`);
    await page.goto("/users");
    await row.getByRole("button", { name: "Manage", exact: true }).click();
    await row.getByRole("button", { name: `Deactivate ${account.email}` }).click();
    await row.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(row.getByRole("cell", { name: "Deactivated", exact: true })).toBeVisible();

    const whileDeactivated = await browserWithCookies(browser, baseURL, kept);
    expect((await sessionEndpoint(whileDeactivated)).body).toBeNull();
    await whileDeactivated.close();

    await row.getByRole("button", { name: `Reactivate ${account.email}` }).click();
    await row.getByRole("button", { name: "Yes, reactivate" }).click();
    await expect(row.getByRole("cell", { name: "Active", exact: true })).toBeVisible();

    const revived = await browserWithCookies(browser, baseURL, kept);
    expect((await sessionEndpoint(revived)).body).toBeNull();
    const old = await revived.newPage();
    await old.goto("/stores");
    await expect(old).toHaveURL(/\/sign-in/);
    await Promise.all([revived.close(), theirs.context.close()]);
  });

  test("a role change ends the account's sessions: /api/auth/session never reports the old role", async ({
    page,
    browser,
    baseURL,
  }) => {
    const account = await createAccount(page, "ADMIN", "demoted");
    const theirs = await signedInBrowser(browser, baseURL, account);
    const kept = await sessionCookies(theirs.context);
    expect((await sessionEndpoint(theirs.context)).body?.user?.role).toBe("ADMIN");

    await page.goto("/users");
    const row = page.getByTestId(`user-row-${account.email}`);
    await row.getByRole("button", { name: "Manage", exact: true }).click();
    await row.getByLabel(`Role for ${account.email}`, { exact: true }).selectOption("VIEWER");
    await row.getByRole("button", { name: `Save role for ${account.email}` }).click();
    await expect(row.getByText("Role changed to viewer.")).toBeVisible();

    const old = await browserWithCookies(browser, baseURL, kept);
    const after = await sessionEndpoint(old);
    expect(after.body?.user?.role).not.toBe("ADMIN");
    expect(after.body).toBeNull();
    const oldPage = await old.newPage();
    await oldPage.goto("/stores");
    await expect(oldPage).toHaveURL(/\/sign-in/);
    await Promise.all([old.close(), theirs.context.close()]);

    // Signing in again gives a session with the new role.
    const again = await signedInBrowser(browser, baseURL, account);
    expect((await sessionEndpoint(again.context)).body?.user?.role).toBe("VIEWER");
    await again.context.close();
  });
});
