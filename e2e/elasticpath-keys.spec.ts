import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { appAlert } from "./support/locators";
import {
  connectThroughUi,
  createKeysDirect,
  sandbox,
  seedEpStore,
  tokenRequestsFor,
  type SeededEpStore,
} from "./support/elasticpath-fixtures";
import { storageStatePath } from "./support/test-env";

// Each test seeds its own store; the one fault on key creation is scoped to its own key's name. One worker,
// in order, all the same: these tests count token requests and keys exactly.
test.describe.configure({ mode: "default" });
test.use({ storageState: storageStatePath("admin") });

const rows = (page: Page) => page.getByTestId("key-row");
const row = (page: Page, name: string) => rows(page).filter({ has: page.getByRole("rowheader", { name, exact: false }) });

async function connected(page: Page, seed?: Parameters<typeof seedEpStore>[0]) {
  const store = await seedEpStore(seed);
  const { connectionId } = await connectThroughUi(page, store);
  await page.goto(`/stores/${connectionId}/keys`);
  return { store, connectionId };
}

const sandboxKeys = (store: SeededEpStore) => sandbox.elasticPathKeys(store.storeId);

test.describe("application keys @elasticpath", () => {
  test("lists keys with pagination, client ids, reservations and the total reserved", async ({ page }) => {
    // Arranging 29 keys takes more than the sandbox's default 25 requests per second.
    const store = await seedEpStore({ rateLimitPerSecond: 1000 });
    await createKeysDirect(store, ["Reserved A", "Reserved B"], 5);
    await createKeysDirect(
      store,
      Array.from({ length: 27 }, (_, i) => `Extra ${String(i + 1).padStart(2, "0")}`),
    );
    const { connectionId } = await connectThroughUi(page, store);
    await page.goto(`/stores/${connectionId}/keys`);
    await expect(rows(page)).toHaveCount(25);
    await expect(page.getByTestId("total-reserved")).toContainText("10 rps across 30 keys");
    await expect(page.getByText("Showing 1–25 of 30 keys (page 1 of 2)")).toBeVisible();
    const first = row(page, "Default key");
    await expect(first).toContainText(store.key.client_id);
    await expect(first).toContainText("Used by Storelink");
    await expect(row(page, "Reserved A").getByRole("cell").nth(1)).toHaveText("5");
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(rows(page)).toHaveCount(5);
    await expect(page).toHaveURL(/\?page=2$/);
    await expect(page.getByText("Showing 26–30 of 30 keys (page 2 of 2)")).toBeVisible();
  });

  test("creates a key: the client_secret is shown once, gone after a reload", async ({ page }) => {
    const { store } = await connected(page);
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create an application key" });
    await dialog.getByLabel("Name", { exact: true }).fill("Storefront EU");
    await dialog.getByLabel(/Reserved rate limit/).fill("7");
    await dialog.getByRole("button", { name: "Create key" }).click();
    const secret = page.getByTestId("new-client-secret");
    await expect(secret).toBeVisible();
    await expect(page.getByText("it will not be shown again")).toBeVisible();
    const created = (await sandboxKeys(store)).find((k) => k.name === "Storefront EU");
    expect(created?.reservedRateLimit).toBe(7);
    await expect(secret).toHaveText(created!.clientSecret);
    await page.getByRole("button", { name: "I have copied it" }).click();
    await expect(row(page, "Storefront EU")).toContainText(created!.clientId);
    await page.reload();
    await expect(row(page, "Storefront EU")).toBeVisible();
    await expect(page.getByText(created!.clientSecret)).toHaveCount(0);
    expect(await page.content()).not.toContain(created!.clientSecret);
  });

  test("renames a key and changes its reservation; over the store maximum → 409 explained", async ({ page }) => {
    const store = await seedEpStore({ maxReservedRateLimit: 20 });
    await createKeysDirect(store, ["Mobile app"]);
    const { connectionId } = await connectThroughUi(page, store);
    await page.goto(`/stores/${connectionId}/keys`);
    await page.getByRole("button", { name: "Edit Mobile app" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Mobile app v2");
    await dialog.getByLabel(/Reserved rate limit/).fill("12");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(row(page, "Mobile app v2").getByRole("cell").nth(1)).toHaveText("12");
    expect((await sandboxKeys(store)).find((k) => k.name === "Mobile app v2")?.reservedRateLimit).toBe(12);

    await page.getByRole("button", { name: "Edit Mobile app v2" }).click();
    await page
      .getByRole("dialog")
      .getByLabel(/Reserved rate limit/)
      .fill("25");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expect(appAlert(page)).toContainText("would exceed the store's maximum");
    expect((await sandboxKeys(store)).find((k) => k.name === "Mobile app v2")?.reservedRateLimit).toBe(12);
  });

  test("deletes a key after confirmation; refuses the key Storelink uses and says why", async ({ page }) => {
    const store = await seedEpStore();
    await createKeysDirect(store, ["Old integration"]);
    const { connectionId } = await connectThroughUi(page, store);
    await page.goto(`/stores/${connectionId}/keys`);
    await page.getByRole("button", { name: "Delete Default key" }).click();
    await expect(page.getByRole("dialog")).toContainText("Deleting it would disconnect this store");
    await expect(page.getByRole("dialog").getByRole("button", { name: "Delete key" })).toHaveCount(0);
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

    await page.getByRole("button", { name: "Delete Old integration" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect(rows(page)).toHaveCount(2);
    await page.getByRole("button", { name: "Delete Old integration" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete key" }).click();
    await expect(rows(page)).toHaveCount(1);
    expect((await sandboxKeys(store)).map((k) => k.name)).toEqual(["Default key"]);
  });

  test("rotates the connection credentials: new key in use, old key deleted", async ({ page }) => {
    const { store, connectionId } = await connected(page);
    await page.getByRole("button", { name: "Rotate connection credentials" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate now" }).click();
    await expect(page.getByTestId("rotation-result")).toContainText("Credentials rotated");
    const keys = await sandboxKeys(store);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.id).not.toBe(store.key.id);
    expect(await tokenRequestsFor(keys[0]!.clientId)).toBe(1);
    // The connection works on the new key (a fresh page load lists keys through it).
    await page.goto(`/stores/${connectionId}/keys`);
    await expect(row(page, keys[0]!.name)).toContainText("Used by Storelink");
  });

  test("rotation with a failing step: the connection keeps working on the old key, the page says what happened", async ({
    page,
  }) => {
    // A key name of its own, and a fault scoped to its rotation: any other spec's rotation of a "Default key"
    // (and key creation anywhere) goes through.
    const keyName = `Rotation probe ${randomBytes(4).toString("hex")}`;
    const { store, connectionId } = await connected(page, { keyName });
    await sandbox.addFault({
      host: "elasticpath",
      method: "POST",
      pathPattern: "^/v2/application-keys$",
      bodyPattern: `${keyName} (rotated`,
      status: 500,
      count: 1,
    });
    await page.getByRole("button", { name: "Rotate connection credentials" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate now" }).click();
    await expect(page.getByTestId("rotation-result")).toContainText(
      "Rotation failed: the connection keeps working on its current key",
    );
    await expect(page.getByTestId("rotation-result")).toContainText("creating the new key failed");
    expect((await sandboxKeys(store)).map((k) => k.id)).toEqual([store.key.id]);
    await page.goto(`/stores/${connectionId}/keys`);
    await expect(row(page, keyName)).toContainText("Used by Storelink");
  });

  test("rotation whose last step fails: new key in use, the old one left for the admin", async ({ page }) => {
    const { store, connectionId } = await connected(page);
    await sandbox.addFault({
      host: "elasticpath",
      method: "DELETE",
      pathPattern: `/v2/application-keys/${store.key.id}`,
      status: 503,
      count: 1,
    });
    await page.getByRole("button", { name: "Rotate connection credentials" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate now" }).click();
    await expect(page.getByTestId("rotation-result")).toContainText("The connection uses a new key, but something is left to do");
    await expect(page.getByTestId("rotation-result")).toContainText(`deleting the old key "Default key"`);
    const keys = await sandboxKeys(store);
    expect(keys).toHaveLength(2);
    await page.goto(`/stores/${connectionId}/keys`);
    await expect(page.locator(`[data-key-id="${store.key.id}"]`)).not.toContainText("Used by Storelink");
    await expect(rows(page).filter({ hasText: "Used by Storelink" })).toHaveCount(1);
  });
});

test.describe("application keys as a viewer @elasticpath @security", () => {
  test("sees the keys but cannot change them; the server refuses and the page explains", async ({ page, browser }) => {
    const { store, connectionId } = await connected(page);
    const viewer = await browser.newContext({ storageState: storageStatePath("viewer") });
    const viewerPage = await viewer.newPage();
    await viewerPage.goto(`/stores/${connectionId}/keys`);
    await expect(viewerPage.getByText("Read-only for your role (Viewer)")).toBeVisible();
    await expect(rows(viewerPage)).toHaveCount(1);
    await viewerPage.getByRole("button", { name: "Create key" }).click();
    await viewerPage.getByRole("dialog").getByLabel("Name", { exact: true }).fill("Should not exist");
    await viewerPage.getByRole("dialog").getByRole("button", { name: "Create key" }).click();
    await expect(appAlert(viewerPage)).toContainText("Your role (Viewer) can view this page but not change it");
    await viewerPage.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await viewerPage.getByRole("button", { name: "Rotate connection credentials" }).click();
    await viewerPage.getByRole("dialog").getByRole("button", { name: "Rotate now" }).click();
    await expect(appAlert(viewerPage)).toContainText("Your role (Viewer) can view this page but not change it");
    expect((await sandboxKeys(store)).map((k) => k.id)).toEqual([store.key.id]);
    await viewer.close();
  });
});
