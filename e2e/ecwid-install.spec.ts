import { expect, test, type Page } from "@playwright/test";
import { ecwidUrls, freshEcwidStore, sandbox } from "./support/ecwid-sandbox";
import { storageStatePath } from "./support/test-env";

// The OAuth install, clicked through the sandbox's consent page, started from the app as a signed-in admin.

async function installThroughConsent(page: Page, storeName: string, decision: "Install" | "Cancel" = "Install") {
  await page.goto("/api/ecwid/oauth/start");
  await expect(page).toHaveURL(new RegExp(`^${ecwidUrls.ecwidMy}/api/oauth/authorize`));
  await page.getByLabel(new RegExp(storeName)).check();
  await page.getByRole("button", { name: decision }).click();
}

test.describe("Ecwid OAuth install @ecwid", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("installs through the consent page, shows the unified token once, and re-installs onto the same connection @smoke", async ({
    page,
  }) => {
    const store = await freshEcwidStore();
    await installThroughConsent(page, store.name);
    await expect(page.getByRole("heading", { name: "Store connected" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText(`${store.name} is now connected to Storelink.`);
    const token = await page.getByLabel("Unified access token").inputValue();
    expect(token.length).toBeGreaterThan(20);
    const storeLink = await page.getByRole("link", { name: "Open the store in Storelink" }).getAttribute("href");
    const callbackUrl = page.url();

    const installed = await sandbox.ecwidStore(store.storeId);
    expect(installed.installation).toBeTruthy();
    const html = await page.content();
    for (const t of installed.tokens as { token: string; kind: string }[])
      if (t.kind === "secret") expect(html).not.toContain(t.token);

    // A reload of the callback must not exchange the code again (that would disable the token).
    const reload = await page.goto(callbackUrl);
    expect(reload?.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("Nothing was installed");
    const after = (await sandbox.ecwidStore(store.storeId)).tokens as { kind: string; revoked: boolean }[];
    expect(after.filter((t) => t.kind === "secret" && !t.revoked)).toHaveLength(1);

    // Re-install: same connection, the live unified token is kept (so none is shown).
    await installThroughConsent(page, store.name);
    await expect(page.getByRole("heading", { name: "Store re-authorized" })).toBeVisible();
    await expect(page.getByLabel("Unified access token")).toHaveCount(0);
    expect(await page.getByRole("link", { name: "Open the store in Storelink" }).getAttribute("href")).toBe(storeLink);
  });

  test("a declined consent ends on a friendly page", async ({ page }) => {
    const store = await freshEcwidStore();
    await installThroughConsent(page, store.name, "Cancel");
    await expect(page.getByRole("heading", { name: "Installation cancelled" })).toBeVisible();
    expect((await sandbox.ecwidStore(store.storeId)).installation).toBeFalsy();
  });

  test("a failing token exchange stores nothing and says so", async ({ page }) => {
    const store = await freshEcwidStore();
    // Fault only this test's code exchange (other workers install stores through the same endpoint): read
    // the code from the consent page's redirect, then let the browser follow it.
    await page.route(`${ecwidUrls.ecwidMy}/api/oauth/authorize`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const response = await route.fetch({ maxRedirects: 0 });
      const code = new URL(response.headers()["location"] ?? "", ecwidUrls.ecwidMy).searchParams.get("code");
      if (code)
        await sandbox.addFault({
          host: "ecwid-my",
          method: "POST",
          pathPattern: "/api/oauth/token",
          bodyPattern: `code=${code}`,
          status: 503,
        });
      await route.fulfill({ response });
    });
    await installThroughConsent(page, store.name);
    await expect(page.getByRole("heading", { name: "The installation did not finish" })).toBeVisible();
    await expect(page.getByRole("alert")).toContainText("Nothing was stored");
    await page.goto(`/stores?q=${encodeURIComponent(store.name)}`);
    await expect(page.getByRole("link", { name: store.name })).toHaveCount(0);
  });
});

test.describe("Ecwid OAuth without state, and App Market installs (issue 16.9) @ecwid", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("a callback without state is bound to its flow by the nonce in redirect_uri", async ({ page }) => {
    // Only this store's consent drops `state`: installs in other workers keep the sandbox's default.
    const store = await freshEcwidStore({ echoOAuthState: false });
    let callback = "";
    page.on("request", (r) => {
      if (r.url().includes("/api/ecwid/oauth/callback")) callback = r.url();
    });
    await installThroughConsent(page, store.name);
    await expect(page.getByRole("heading", { name: "Store connected" })).toBeVisible();
    await expect(page.getByLabel("Unified access token")).toBeVisible();
    const url = new URL(callback);
    expect(url.searchParams.has("state")).toBe(false);
    expect(url.pathname).toMatch(/^\/api\/ecwid\/oauth\/callback\/[\w-]+$/);
  });

  test("a path nonce that is not this browser's flow is refused", async ({ request }) => {
    const response = await request.get("/api/ecwid/oauth/callback/not-my-nonce?code=abc", { maxRedirects: 0 });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("This installation link is not valid");
  });

  test("an App Market install (a code, no flow) connects the store, shows no unified token, and is audited", async ({
    browser,
    page,
  }) => {
    const store = await freshEcwidStore();
    const { location } = await sandbox.appMarketInstall(store.storeId);
    expect(new URL(location).searchParams.has("state")).toBe(false);
    const merchant = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const merchantPage = await merchant.newPage();
    await merchantPage.goto(location);
    await expect(merchantPage.getByRole("heading", { name: "Store connected" })).toBeVisible();
    await expect(merchantPage.getByLabel("Unified access token")).toHaveCount(0);
    await merchant.close();

    await page.goto(`/stores?q=${encodeURIComponent(store.name)}`);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: store.name }) });
    await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "ACTIVE");
    await page.goto("/audit?action=connection.connected");
    await expect(
      page.getByRole("row").filter({ hasText: "ecwid-app-market" }).filter({ hasText: store.name }).first(),
    ).toBeVisible();
  });
});

test.describe("Ecwid OAuth callback refusals @ecwid @security", () => {
  test("a callback without the nonce cookie exchanges nothing", async ({ request }) => {
    const response = await request.get("/api/ecwid/oauth/callback?code=abc&state=forged", { maxRedirects: 0 });
    expect(response.status()).toBe(400);
    const body = await response.text();
    expect(body).toContain("This installation link is not valid");
    expect(body).not.toContain("forged");
  });

  test("start sets a signed, HttpOnly, SameSite=Lax nonce cookie scoped to the OAuth path", async ({ request }) => {
    const response = await request.get("/api/ecwid/oauth/start", { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    const location = new URL(response.headers()["location"]!);
    expect(location.origin + location.pathname).toBe(`${ecwidUrls.ecwidMy}/api/oauth/authorize`);
    expect(location.searchParams.get("response_type")).toBe("code");
    // The flow's nonce rides in the redirect_uri's path too (Ecwid does not document echoing `state`).
    expect(location.searchParams.get("redirect_uri")).toMatch(/\/api\/ecwid\/oauth\/callback\/[\w-]+$/);
    expect(location.searchParams.get("redirect_uri")?.split("/").at(-1)).toBe(location.searchParams.get("state"));
    expect(location.searchParams.get("scope")).toContain("add_to_cp");
    const cookie = response.headers()["set-cookie"] ?? "";
    // The cookie is a signed value (base64url JSON, then its MAC) carrying the nonce sent as `state`.
    const value = /storelink_ecwid_oauth=([^;]+)/.exec(cookie)?.[1] ?? "";
    const [body, mac] = value.split(".");
    expect(mac).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.parse(Buffer.from(body ?? "", "base64url").toString("utf8")).nonce).toBe(location.searchParams.get("state"));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/ecwid\/oauth/);
    expect(cookie).toMatch(/Max-Age=600/);
  });
});
