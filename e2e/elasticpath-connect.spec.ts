import { expect, test } from "@playwright/test";
import { appAlert } from "./support/locators";
import { connectThroughUi, createKeyDirect, sandbox, seedEpStore } from "./support/elasticpath-fixtures";
import { storageStatePath, testEnv } from "./support/test-env";

test.describe("connect an Elastic Path store @elasticpath", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("good credentials: verified by minting a token, saved, unified token shown once @smoke", async ({ page }) => {
    const store = await seedEpStore();
    const { connectionId, unifiedToken } = await connectThroughUi(page, store);
    expect(unifiedToken.length).toBeGreaterThan(20);
    const counters = await sandbox.counters();
    expect(counters.tokenRequests[store.key.client_id]).toBeGreaterThanOrEqual(1);
    // The page the form leads to works with the saved credentials.
    await page.goto(`/stores/${connectionId}/keys`);
    await expect(page.getByRole("heading", { name: `Application keys · ${store.name}` })).toBeVisible();
    await expect(page.getByTestId("key-row")).toHaveCount(1);
    await expect(page.getByText("Used by Storelink")).toBeVisible();
    // Shown once: the unified token is nowhere on the page after leaving.
    await expect(page.getByText(unifiedToken)).toHaveCount(0);
  });

  test("wrong client_secret: clear error, nothing saved @security", async ({ page }) => {
    const store = await seedEpStore();
    await page.goto("/stores/connect/elasticpath");
    await page.getByLabel("Store name").fill(store.name);
    await page.getByLabel("Client ID").fill(store.key.client_id);
    await page.getByLabel("Client secret").fill("not-the-secret");
    await page.getByRole("button", { name: "Connect store" }).click();
    await expect(appAlert(page)).toContainText("Elastic Path rejected this client_id and client_secret");
    await expect(appAlert(page)).toContainText("Nothing was saved");
    await page.goto(`/stores?q=${encodeURIComponent(store.name)}`);
    await expect(page.getByText(store.name)).toHaveCount(0);
  });

  test("unreachable custom base URL: clear error, nothing saved", async ({ page }) => {
    const store = await seedEpStore();
    // An allow-listed sandbox host:port (STORELINK_ALLOW_PRIVATE_HOSTS) that speaks http, asked for https:
    // the policy lets it through and the connection fails. Refused URLs get the same message (outbound-urls.spec.ts).
    const unreachable = `https://${testEnv.sandboxHost}:${testEnv.sandboxBasePort + 3}`;
    await page.goto("/stores/connect/elasticpath");
    await page.getByLabel("Store name").fill(store.name);
    await page.getByLabel("Region").selectOption("custom");
    await page.getByLabel("API base URL").fill(unreachable);
    await page.getByLabel("Client ID").fill(store.key.client_id);
    await page.getByLabel("Client secret").fill(store.key.client_secret);
    await page.getByRole("button", { name: "Connect store" }).click();
    await expect(appAlert(page)).toContainText("Storelink can't connect to that API base URL.");
    await expect(appAlert(page)).toContainText("Nothing was saved");
    await page.goto(`/stores?q=${encodeURIComponent(store.name)}`);
    await expect(page.getByText(store.name)).toHaveCount(0);
  });

  test("the same store twice is refused", async ({ page }) => {
    const store = await seedEpStore();
    await connectThroughUi(page, store);
    await page.goto("/stores/connect/elasticpath");
    await page.getByLabel("Store name").fill(`${store.name} again`);
    await page.getByLabel("Client ID").fill(store.key.client_id);
    await page.getByLabel("Client secret").fill(store.key.client_secret);
    await page.getByRole("button", { name: "Connect store" }).click();
    await expect(appAlert(page)).toContainText("already connected");
  });

  test("the same store through another of its keys is refused, naming the connection", async ({ page }) => {
    // Elastic Path tells a key nothing about its store (GET /v2/settings has no store id): Storelink
    // recognises the store by its key list, which includes the key it already holds.
    const store = await seedEpStore();
    await connectThroughUi(page, store);
    const other = await createKeyDirect(store, "Second key");
    await page.goto("/stores/connect/elasticpath");
    await page.getByLabel("Store name").fill(`${store.name} twice`);
    await page.getByLabel("Client ID").fill(other.client_id);
    await page.getByLabel("Client secret").fill(other.client_secret);
    await page.getByRole("button", { name: "Connect store" }).click();
    await expect(appAlert(page)).toContainText(`already connected as “${store.name}”`);
    await expect(appAlert(page)).toContainText("Nothing was saved");
    await page.goto(`/stores?q=${encodeURIComponent(`${store.name} twice`)}`);
    await expect(page.getByText(`${store.name} twice`)).toHaveCount(0);
  });

  test("two stores at the same host are two connections, each under the name the admin gave it", async ({ page }) => {
    const first = await seedEpStore();
    const second = await seedEpStore();
    await connectThroughUi(page, first, `${first.name} (EU)`);
    const { connectionId } = await connectThroughUi(page, second, `${second.name} (US)`);
    await page.goto(`/stores/${connectionId}/keys`);
    await expect(page.getByRole("heading", { name: `Application keys · ${second.name} (US)` })).toBeVisible();
  });
});

test.describe("connect as a viewer @elasticpath @security", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("the server refuses and says why", async ({ page }) => {
    const store = await seedEpStore();
    await page.goto("/stores/connect/elasticpath");
    await page.getByLabel("Store name").fill(store.name);
    await page.getByLabel("Client ID").fill(store.key.client_id);
    await page.getByLabel("Client secret").fill(store.key.client_secret);
    await page.getByRole("button", { name: "Connect store" }).click();
    await expect(appAlert(page)).toContainText("Your role (Viewer) can view this page but not change it");
    expect((await sandbox.counters()).tokenRequests[store.key.client_id] ?? 0).toBe(0);
  });
});
