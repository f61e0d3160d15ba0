import { expect, test } from "@playwright/test";
import { connectOAuth2Store, sandbox } from "./support/stores-oauth2";
import { storageStatePath, testEnv } from "./support/test-env";

test.use({ storageState: storageStatePath("admin") });
// Both tests use the Kyoto shop: one at a time.
test.describe.configure({ mode: "serial" });

test("the dashboard follows a status change: expired tokens → NEEDS_REAUTH → re-authorize → ACTIVE with the same unified token @smoke", async ({
  page,
  request,
}) => {
  test.skip(!testEnv.local, "expires provider tokens in the local sandbox");
  test.slow(); // two consent flows and a dozen page loads
  const { connectionId, token, shopId } = await connectOAuth2Store(page, "kyoto");
  const api = (path: string) => request.get(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect((await api("/store")).status()).toBe(200);

  // The provider kills this connection's access and refresh tokens behind Storelink's back.
  // By shop, not by a before/after diff of every token the sandbox issued (which caught other workers' tokens).
  expect((await sandbox().expireOAuth2({ tokens: "both", shopId })).expired).toBeGreaterThan(0);
  await page.goto(`/stores/${connectionId}`);
  await expect(page.getByTestId("connection-status")).toHaveText("Active");
  await page.getByRole("button", { name: "Check now" }).click();
  await expect(page.getByTestId("connection-status")).toHaveText("Needs re-auth");
  await expect(page.locator('[data-event-type="needs_reauth"]').first()).toBeVisible();

  // The unified API says so with a 409 problem carrying the re-authorize link.
  const blocked = await api("/store");
  expect(blocked.status()).toBe(409);
  expect(blocked.headers()["content-type"]).toContain("application/problem+json");
  const problem = await blocked.json();
  expect(problem).toMatchObject({ code: "needs_reauth", status: 409 });
  expect(problem.reauthorizeUrl).toContain(`/reauthorize/${connectionId}`);

  // The store owner follows the re-authorize link (no dashboard session needed) and approves again.
  const owner = await page
    .context()
    .browser()!
    .newContext({ storageState: { cookies: [], origins: [] } });
  const ownerPage = await owner.newPage();
  await ownerPage.goto(problem.reauthorizeUrl);
  await ownerPage.getByRole("link", { name: /^Reconnect/ }).click();
  await ownerPage.getByLabel("Kyoto Tea House").check();
  await ownerPage.getByRole("button", { name: "Approve" }).click();
  await expect(ownerPage.getByRole("heading", { name: "Store reconnected" })).toBeVisible();
  await owner.close();

  await page.reload();
  await expect(page.getByTestId("connection-status")).toHaveText("Active");
  await expect(page.locator('[data-event-type="reauthorized"]').first()).toBeVisible();
  const again = await api("/store");
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ name: "Kyoto Tea House", platform: "OAUTH2" });
  await page.screenshot({ path: "test-results/lifecycle-store-page.png", fullPage: true });
});

test("the stores list shows connected OAuth2 stores with live expiry and filters by platform and status", async ({ page }) => {
  await connectOAuth2Store(page, "kyoto");
  await page.goto("/stores?platform=OAUTH2&status=ACTIVE");
  await expect(page.getByRole("table", { name: "Connected stores" })).toBeVisible();
  await expect(page.getByLabel("Platform")).toHaveValue("OAUTH2");
  const row = page.getByRole("row", { name: /Kyoto Tea House/ });
  await expect(row).toContainText("OAuth2 (generic)");
  await expect(row.locator("time").first()).toHaveText(/^in (59|60) minutes$|^in 1 hour$/);
  await page.goto("/stores?status=REVOKED&q=Kyoto");
  await expect(page.getByText("No stores match these filters")).toBeVisible();
  await page.screenshot({ path: "test-results/stores-list.png", fullPage: true });
});
