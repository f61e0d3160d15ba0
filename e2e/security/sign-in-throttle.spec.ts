import { expect, test } from "@playwright/test";
import { createAccount, uniqueAccountEmail } from "../support/accounts";
import { SignInPage } from "../support/sign-in";
import { storageStatePath } from "../support/test-env";

// F5: the client address was the first X-Forwarded-For hop (so changing that header reset the per-address
// limit), and five bad attempts locked any email, refusing even its owner's correct password. Now the
// address comes from the socket (TRUSTED_PROXY_HOPS=0 here: the harness has no proxy in front), and a
// browser that signed in successfully before keeps a signed device cookie that failures elsewhere don't lock.
// Every test uses accounts of its own: a lock-out here must never touch the setup project's accounts.

test.describe("sign-in throttling @security", () => {
  test.use({ storageState: storageStatePath("owner") });
  test.setTimeout(60_000);

  test("an attacker who knows an email cannot keep its owner out, and is still limited", async ({ page, browser, baseURL }) => {
    const victim = await createAccount(page, "VIEWER", "victim");

    // The victim signs in once from their own browser (which remembers that), then signs out.
    const own = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const ownPage = await own.newPage();
    const ownSignIn = new SignInPage(ownPage);
    await ownSignIn.goto();
    await ownSignIn.signIn(victim.email, victim.password);
    await expect(ownPage).toHaveURL(/\/stores$/);
    await ownPage.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(ownPage).toHaveURL(/\/sign-in/);

    // Someone else hammers the account from another browser, rotating the forwarded-for header as they go.
    const attacker = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const attackerPage = await attacker.newPage();
    const attack = new SignInPage(attackerPage);
    await attack.goto();
    for (let i = 0; i < 5; i++) {
      await attackerPage.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${10 + i}` });
      await attack.signIn(victim.email, `guess-${i}`);
      await attack.expectError("don't match");
    }
    await attack.signIn(victim.email, "guess-again");
    await attack.expectError("Too many failed sign-ins");
    // The limit holds for that browser even with the right password: it has never signed in as the victim.
    await attack.signIn(victim.email, victim.password);
    await attack.expectError("Too many failed sign-ins");
    await expect(attackerPage.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    await attacker.close();

    // The owner's own browser is not locked out by any of that.
    await ownSignIn.signIn(victim.email, victim.password);
    await expect(ownPage).toHaveURL(/\/stores$/);
    await expect(ownPage.getByRole("navigation", { name: "Main" })).toContainText(victim.email);
    await own.close();
  });

  test("a known browser is limited too once it fails repeatedly", async ({ page, browser, baseURL }) => {
    const account = await createAccount(page, "VIEWER", "known-device");
    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const own = await context.newPage();
    const signIn = new SignInPage(own);
    await signIn.goto();
    await signIn.signIn(account.email, account.password);
    await expect(own).toHaveURL(/\/stores$/);
    await own.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(own).toHaveURL(/\/sign-in/);
    for (let i = 0; i < 5; i++) {
      await signIn.signIn(account.email, `typo-${i}`);
      await signIn.expectError("don't match");
    }
    await signIn.signIn(account.email, "typo-again");
    await signIn.expectError("Too many failed sign-ins");
    await context.close();
  });

  test("X-Forwarded-For does not choose the client address the limits and the audit log use", async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = uniqueAccountEmail("spoofed");
    const spoofed = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const context = await browser.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { "x-forwarded-for": `${spoofed}, 192.0.2.1` },
    });
    const signIn = new SignInPage(await context.newPage());
    await signIn.goto();
    await signIn.signIn(email, "not-the-password");
    await signIn.expectError("don't match");
    await context.close();

    const csv = await (
      await page.request.get(`/api/audit/export?action=auth.sign_in_failed&actor=${encodeURIComponent(email)}`)
    ).text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    const header = lines[0]!.split(",");
    const row = lines[1]!.split(",");
    const ip = row[header.indexOf("ip")];
    expect(ip).not.toBe(spoofed);
    expect(ip).not.toBe("192.0.2.1");
    expect(ip).toBe("127.0.0.1");
  });
});
