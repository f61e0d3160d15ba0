import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Integrator } from "./simulators/integrator/server";
import { addEndpoint, integratorAt, registerApp } from "./support/apps";
import { freshEcwidStore } from "./support/ecwid-sandbox";
import { seedEpStore } from "./support/elasticpath-fixtures";
import { sandbox } from "./support/stores-oauth2";
import { storageStatePath, testEnv } from "./support/test-env";

// An integrator's whole journey, driven by the example integrator (a backend nobody in Storelink's code
// trusts: it talks to Storelink only over the unified API and verifies webhooks with the standardwebhooks
// library): register the app, a merchant connects a store on the hosted page, the backend exchanges the code
// server to server, calls the API, and hears about the store's lifecycle through signed webhooks.
test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStatePath("admin") });

let integrator: Integrator;
let appId = "";

test.beforeAll(async () => {
  integrator = await integratorAt(0);
});
test.afterAll(async () => {
  await integrator?.close();
});

/** A merchant with no Storelink account, in a browser of their own. */
async function merchant(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

async function connectThroughIntegrator(page: Page, shop: string) {
  await page.goto(integrator.url);
  await page.getByRole("button", { name: "Connect your store with Storelink" }).click();
  await expect(page.getByRole("heading", { name: /^Connect your store to E2E Integrator/ })).toBeVisible();
  await page.getByRole("link", { name: "Connect with the OAuth2 provider" }).click();
  await page.getByLabel(shop).check();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("integrator-result")).toHaveText(`Connected ${shop} (OAUTH2).`);
}

const eventsOf = (type: string) => integrator.state.events.filter((e) => e.type === type);

test("an app is registered, a merchant connects through the hosted page, and the backend gets the token server to server @smoke", async ({
  page,
  browser,
}) => {
  test.skip(!testEnv.local, "runs the example integrator on the local sandbox's ports");
  const app = await registerApp(page, "E2E Integrator", [`${integrator.url}/return`]);
  appId = app.appId;
  const secret = await addEndpoint(page, `${integrator.url}/webhooks`);
  integrator.configure({ appKey: app.key, webhookSecret: secret });

  const shopper = await merchant(browser);
  await connectThroughIntegrator(shopper, "Porto Ceramics");
  // The code came back in the URL; the token did not.
  expect(shopper.url()).toMatch(/\/return\?code=[^&]+&session=cs_/);
  expect(shopper.url()).not.toContain("slk_");
  await shopper.context().close();

  const [connected] = integrator.state.connected;
  expect(connected).toMatchObject({
    platform: "OAUTH2",
    store: { id: "shop-porto-ceramics", name: "Porto Ceramics" },
    reconnected: false,
    unifiedToken: expect.stringMatching(/^slk_/),
  });
  const orders = await (
    await fetch(`${testEnv.appUrl}/api/v1/orders`, { headers: { authorization: `Bearer ${connected!.unifiedToken}` } })
  ).json();
  expect(orders.items.map((o: { id: string }) => o.id)).toEqual(["PC-O-1"]);

  await expect.poll(() => eventsOf("connection.created").length, { timeout: 15_000 }).toBe(1);
  expect(eventsOf("connection.created")[0]!.data).toMatchObject({
    connectionId: connected!.connectionId,
    endUserRef: "merchant-demo",
    platform: "OAUTH2",
    sequence: 1,
  });
  expect(integrator.state.rejected).toBe(0);

  // The connection's timeline and the audit log name the app.
  await page.goto(`/stores/${connected!.connectionId}`);
  await expect(page.locator('[data-event-type="app_connected"]').first()).toContainText("E2E Integrator");
  await expect(page.locator('[data-event-type="app_exchanged"]').first()).toBeVisible();
});

test("a receiver that answers 500 three times, then 200, gets the event once, with four attempts on the deliveries page", async ({
  page,
}) => {
  test.skip(!appId, "needs the app of the first test");
  await page.goto(`/apps/${appId}`);
  const before = eventsOf("test.ping").length;
  const attemptsBefore = integrator.state.deliveries;
  integrator.configure({ failNext: 3 });
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect.poll(() => eventsOf("test.ping").length, { timeout: 20_000 }).toBe(before + 1);
  expect(integrator.state.deliveries - attemptsBefore).toBe(4);
  await page.getByRole("link", { name: "Deliveries" }).click();
  const row = page.getByRole("row", { name: /test\.ping/ }).first();
  // Sequence, state, attempts, last answer: the three 500s are listed as attempts of this one message.
  await expect(row).toContainText(/delivered\s*4\s*204/i);
  expect((await row.textContent())!.match(/answered 500/g)).toHaveLength(3);
});

test("lifecycle events: needs re-auth when the provider kills the tokens, recovered when the merchant re-connects through the app (same connection, same token)", async ({
  page,
  browser,
}) => {
  test.skip(!appId, "needs the app of the first test");
  const [first] = integrator.state.connected;
  // The provider kills every token it issued for the shop; a check finds the connection needing re-auth.
  await sandbox().expireOAuth2({ tokens: "both", shopId: "shop-porto-ceramics" });
  await page.goto(`/stores/${first!.connectionId}`);
  await page.getByRole("button", { name: "Check now" }).click();
  await expect(page.getByTestId("connection-status")).toHaveText("Needs re-auth");
  await expect.poll(() => eventsOf("connection.needs_reauth").length, { timeout: 15_000 }).toBe(1);

  const shopper = await merchant(browser);
  await connectThroughIntegrator(shopper, "Porto Ceramics");
  await shopper.context().close();
  const again = integrator.state.connected.at(-1)!;
  expect(again).toMatchObject({ connectionId: first!.connectionId, reconnected: true, unifiedToken: null });
  await expect.poll(() => eventsOf("connection.recovered").length, { timeout: 15_000 }).toBe(1);
  // The app's first token still works: re-connecting never changes what the app holds.
  expect(
    (await fetch(`${testEnv.appUrl}/api/v1/store`, { headers: { authorization: `Bearer ${first!.unifiedToken}` } })).status,
  ).toBe(200);
  // Each event once, in sequence order, all verified.
  const sequences = integrator.state.events.map((e) => e.data.sequence as number);
  expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  expect(eventsOf("connection.created")).toHaveLength(1);
  expect(integrator.state.rejected).toBe(0);
});

test("revoking the app's token and disconnecting the store are announced to the app", async ({ page }) => {
  test.skip(!appId, "needs the app of the first test");
  const [first] = integrator.state.connected;
  await page.goto(`/stores/${first!.connectionId}`);
  const tokenRow = page.getByRole("row", { name: new RegExp(`app:${appId}`) });
  await tokenRow.getByRole("button", { name: /^Revoke/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect.poll(() => eventsOf("unified_token.revoked").length, { timeout: 15_000 }).toBe(1);
  await page.getByRole("button", { name: "Disconnect…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect", exact: true }).click();
  await expect(page.getByTestId("connection-status")).toHaveText("Revoked");
  await expect.poll(() => eventsOf("connection.revoked").length, { timeout: 15_000 }).toBe(1);
  expect(eventsOf("connection.revoked")[0]!.data).toMatchObject({
    connectionId: first!.connectionId,
    reason: "disconnected",
    endUserRef: "merchant-demo",
  });
});

test("an Ecwid store connected on the hosted page: an order changed in the store reaches the app once as order.updated, verified", async ({
  browser,
}) => {
  test.skip(!appId, "needs the app of the first test");
  const store = await freshEcwidStore();
  const shopper = await merchant(browser);
  await shopper.goto(integrator.url);
  await shopper.getByRole("button", { name: "Connect your store with Storelink" }).click();
  await shopper.getByRole("link", { name: "Connect an Ecwid store" }).click();
  await shopper.getByLabel(new RegExp(store.name)).check();
  await shopper.getByRole("button", { name: "Install" }).click();
  await expect(shopper.getByTestId("integrator-result")).toHaveText(`Connected ${store.name} (ECWID).`);
  await shopper.context().close();

  const connected = integrator.state.connected.at(-1)!;
  expect(connected).toMatchObject({
    platform: "ECWID",
    store: { id: String(store.storeId) },
    unifiedToken: expect.stringMatching(/^slk_/),
  });
  const mine = (type: string) => eventsOf(type).filter((e) => e.data.connectionId === connected.connectionId);
  await expect.poll(() => mine("connection.created").length, { timeout: 15_000 }).toBe(1);

  // The app changes an order through the unified API; Ecwid (the sandbox) sends its own order.updated webhook to
  // Storelink, which forwards it to the app, normalised.
  const auth = { authorization: `Bearer ${connected.unifiedToken}`, "content-type": "application/json" };
  const orders = await (await fetch(`${testEnv.appUrl}/api/v1/orders?limit=1`, { headers: auth })).json();
  const orderId = orders.items[0].id as string;
  const patched = await fetch(`${testEnv.appUrl}/api/v1/orders/${orderId}`, {
    method: "PATCH",
    headers: auth,
    body: JSON.stringify({ fulfillmentStatus: "SHIPPED" }),
  });
  expect(patched.status).toBe(200);
  await expect.poll(() => mine("order.updated").length, { timeout: 20_000 }).toBe(1);
  expect(mine("order.updated")[0]!.data).toMatchObject({
    connectionId: connected.connectionId,
    platform: "ECWID",
    fulfillmentStatus: "SHIPPED",
  });
  // Once: a second relay pass or a redelivered Ecwid webhook adds nothing.
  await new Promise((r) => setTimeout(r, 2_000));
  expect(mine("order.updated")).toHaveLength(1);
  expect(integrator.state.rejected).toBe(0);
});

test("an Elastic Path store connected on the hosted page with an application key: a wrong secret saves nothing, the right one goes back to the app", async ({
  browser,
}) => {
  test.skip(!appId, "needs the app of the first test");
  const store = await seedEpStore();
  const shopper = await merchant(browser);
  await shopper.goto(integrator.url);
  await shopper.getByRole("button", { name: "Connect your store with Storelink" }).click();
  const fill = async (secret: string) => {
    await shopper.getByLabel("Store name").fill("Merchant EP store");
    await shopper.getByLabel("Region").selectOption("sandbox");
    await shopper.getByLabel("Client ID").fill(store.key.client_id);
    await shopper.getByLabel("Client secret").fill(secret);
    await shopper.getByRole("button", { name: "Connect store" }).click();
  };
  await fill("not-the-secret");
  await expect(shopper.getByRole("main").getByRole("alert")).toContainText(
    "Elastic Path rejected this client_id and client_secret",
  );
  await fill(store.key.client_secret);
  await expect(shopper.getByTestId("integrator-result")).toHaveText("Connected Merchant EP store (ELASTICPATH).");
  await shopper.context().close();

  const connected = integrator.state.connected.at(-1)!;
  expect(connected).toMatchObject({
    platform: "ELASTICPATH",
    store: { name: "Merchant EP store" },
    unifiedToken: expect.stringMatching(/^slk_/),
  });
  const products = await fetch(`${testEnv.appUrl}/api/v1/products?limit=1`, {
    headers: { authorization: `Bearer ${connected.unifiedToken}` },
  });
  expect(products.status).toBe(200);
  await expect
    .poll(() => eventsOf("connection.created").filter((e) => e.data.connectionId === connected.connectionId).length, {
      timeout: 15_000,
    })
    .toBe(1);
});
