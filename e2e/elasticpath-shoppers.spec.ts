// Elastic Path shoppers (issue 19): sign in as a customer or an account member in the storefront preview
// (browser → Elastic Path with the implicit token + the shopper's own token), and the admin's shoppers page
// (server side, client_credentials). No client_credentials token or client_secret may reach the browser.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADA_HOME, connectThroughUi, elasticPathUrl, sandbox, seedEpStore } from "./support/elasticpath-fixtures";
import { recordResponses, scanText } from "./support/secret-scan";
import { storageStatePath } from "./support/test-env";

test.use({ storageState: storageStatePath("viewer") });

async function connectedStore(browser: Browser) {
  const store = await seedEpStore({ productCount: 3 });
  const admin = await browser.newContext({ storageState: storageStatePath("admin") });
  const { connectionId } = await connectThroughUi(await admin.newPage(), store);
  await admin.close();
  return { store, connectionId };
}

async function signInAsCustomer(page: Page, email: string, password: string) {
  await page.getByLabel("Customer email").fill(email);
  await page.getByLabel("Shopper password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Nothing the browser received (app or Elastic Path) holds a sandbox secret: client_secrets, client_credentials tokens. */
async function expectNoSecrets(recorder: ReturnType<typeof recordResponses>, extra: string[] = []) {
  const secrets = [...(await sandbox.secrets()), ...extra];
  const bodies = await recorder.bodies();
  expect(bodies.length).toBeGreaterThan(3);
  expect(bodies.flatMap((b) => scanText(b.url, b.text, secrets))).toEqual([]);
}

test.describe("Elastic Path shoppers @elasticpath @security", () => {
  test("a customer signs in in the preview; wrong password is refused; the token stays in memory and expiry leads back to sign-in", async ({
    page,
    browser,
  }) => {
    const { store, connectionId } = await connectedStore(browser);
    const tag = randomBytes(3).toString("hex");
    const customer = { name: `Ada ${tag}`, email: `ada-${tag}@example.test`, password: "shopper-pass-1" };
    const { id: customerId } = await sandbox.createElasticPathCustomer(store.storeId, customer);
    const other = await sandbox.createElasticPathCustomer(store.storeId, {
      name: `Bob ${tag}`,
      email: `bob-${tag}@example.test`,
      password: "shopper-pass-2",
    });
    const mine = await sandbox.addElasticPathShopperRecord(store.storeId, "orders", { customerId, amount: 4850 });
    const theirs = await sandbox.addElasticPathShopperRecord(store.storeId, "orders", { customerId: other.id, amount: 7300 });
    await sandbox.addElasticPathShopperRecord(store.storeId, "addresses", { customerId, ...ADA_HOME });
    await sandbox.addElasticPathShopperRecord(store.storeId, "addresses", {
      customerId: other.id,
      name: "Bob's flat",
      firstName: "Bob",
      lastName: "Other",
      line1: "9 Elsewhere Road",
      city: "Leeds",
      postcode: "LS1 1AA",
      country: "GB",
    });
    await sandbox.addElasticPathShopperRecord(store.storeId, "carts", {
      customerId,
      name: `Gifts ${tag}`,
      items: [{ sku: "EP-SC-001", quantity: 2 }],
    });
    const recorder = recordResponses(page);
    const ep = new URL(await elasticPathUrl()).origin;
    const shopperTokens: string[] = [];
    page.on("response", async (r) => {
      if (r.url().startsWith(`${ep}/v2/customers/tokens`) && r.ok())
        shopperTokens.push(((await r.json()) as { data: { token: string } }).data.token);
    });

    await page.goto(`/stores/${connectionId}/preview`);
    await signInAsCustomer(page, customer.email, "not-the-password");
    await expect(page.getByText("Elastic Path refused these credentials")).toBeVisible();
    await signInAsCustomer(page, `nobody-${tag}@example.test`, customer.password);
    await expect(page.getByText("Elastic Path refused these credentials")).toBeVisible();

    await signInAsCustomer(page, customer.email, customer.password);
    const details = page.getByRole("region", { name: "Customer details" });
    await expect(details).toContainText(customer.name);
    await expect(details).toContainText(customer.email);
    await expect(page.getByTestId("shopper-status")).toContainText("expires at");
    // Only this customer's records, fetched by the browser from Elastic Path with both tokens.
    const orders = page.getByRole("region", { name: "Shopper orders" });
    await expect(orders).toContainText(mine.id);
    await expect(orders).toContainText("$48.50");
    await expect(orders).not.toContainText(theirs.id);
    await expect(page.getByRole("region", { name: "Shopper addresses" })).toContainText(
      "12 St James's Square, London, SW1Y 4JH, GB",
    );
    await expect(page.getByRole("region", { name: "Shopper addresses" })).not.toContainText("Elsewhere");
    await expect(page.getByRole("region", { name: "Shopper carts" })).toContainText(`Gifts ${tag}`);
    await expect(page.getByRole("region", { name: "Shopper carts" })).toContainText("2 × ");
    // Another shopper's order id: Elastic Path refuses it, the preview says "not found".
    await page.getByLabel("Order id").fill(theirs.id);
    await page.getByRole("button", { name: "Look up order" }).click();
    await expect(page.getByText("Elastic Path shows this shopper no such order.")).toBeVisible();
    await page.getByLabel("Order id").fill(mine.id);
    await page.getByRole("button", { name: "Look up order" }).click();
    await expect(page.getByRole("region", { name: "Order found" })).toContainText(mine.id);
    expect(shopperTokens).toHaveLength(1);
    // In memory only: not in localStorage, sessionStorage or cookies.
    const stored = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]));
    expect(stored).not.toContain(shopperTokens[0]);
    expect(JSON.stringify(await page.context().cookies())).not.toContain(shopperTokens[0]);

    await sandbox.expireElasticPathShopperTokens(store.storeId);
    await page.getByRole("button", { name: "Reload shopper details" }).click();
    await expect(page.getByText("The shopper token expired or was revoked. Sign in again.")).toBeVisible();
    await expect(page.getByLabel("Customer email")).toBeVisible();

    await signInAsCustomer(page, customer.email, customer.password);
    await expect(details).toContainText(customer.name);
    await page.getByRole("button", { name: "Sign out shopper" }).click();
    await expect(page.getByLabel("Customer email")).toBeVisible();
    await expectNoSecrets(recorder, [store.key.client_secret]);
  });

  test("an account member in two accounts picks one, then switches", async ({ page, browser }) => {
    const { store, connectionId } = await connectedStore(browser);
    const tag = randomBytes(3).toString("hex");
    const member = {
      name: `Grace ${tag}`,
      email: `grace-${tag}@example.test`,
      username: `grace-${tag}`,
      password: "member-pass-1",
      accounts: [`Retail ${tag}`, `Wholesale ${tag}`],
    };
    const created = await sandbox.createElasticPathAccountMember(store.storeId, member);
    const [retail, wholesale] = created.accounts;
    const retailOrder = await sandbox.addElasticPathShopperRecord(store.storeId, "orders", {
      accountId: retail!.id,
      memberId: created.id,
      amount: 12000,
    });
    const wholesaleOrder = await sandbox.addElasticPathShopperRecord(store.storeId, "orders", {
      accountId: wholesale!.id,
      memberId: created.id,
      amount: 17500,
    });

    await page.goto(`/stores/${connectionId}/preview`);
    await page.getByRole("button", { name: "Account member" }).click();
    await page.getByLabel("Password profile").selectOption({ label: "Username and password" });
    await page.getByLabel("Username", { exact: true }).fill(member.username);
    await page.getByLabel("Shopper password").fill("wrong");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Elastic Path refused these credentials")).toBeVisible();
    await page.getByLabel("Shopper password").fill(member.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();

    await expect(page.getByText("This member belongs to several accounts. Choose one:")).toBeVisible();
    const accounts = page.getByRole("group", { name: "Accounts" });
    await accounts.getByRole("button", { name: `Wholesale ${tag}` }).click();
    const details = page.getByRole("region", { name: "Account details" });
    await expect(details).toContainText(`Wholesale ${tag}`);
    const orders = page.getByRole("region", { name: "Shopper orders" });
    await expect(orders).toContainText(wholesaleOrder.id);
    await expect(orders).not.toContainText(retailOrder.id);
    await accounts.getByRole("button", { name: `Retail ${tag}` }).click();
    await expect(details).toContainText(`Retail ${tag}`);
    await expect(details).not.toContainText(`Wholesale ${tag}`);
    await expect(orders).toContainText(retailOrder.id);
    await expect(orders).not.toContainText(wholesaleOrder.id);
    await expect(page.getByText("No saved addresses.")).toBeVisible();
    await expect(page.getByText("No carts.")).toBeVisible();
  });

  test("a VIEWER sees the shoppers page but cannot create a customer", async ({ page, browser }) => {
    const { store, connectionId } = await connectedStore(browser);
    const tag = randomBytes(3).toString("hex");
    await sandbox.createElasticPathCustomer(store.storeId, {
      name: `Lin ${tag}`,
      email: `lin-${tag}@example.test`,
      password: "shopper-pass-1",
    });
    await sandbox.createElasticPathAccountMember(store.storeId, {
      name: `Max ${tag}`,
      email: `max-${tag}@example.test`,
      username: `max-${tag}`,
      password: "member-pass-1",
      accounts: [`Firm ${tag}`],
    });
    const recorder = recordResponses(page);

    await page.goto(`/stores/${connectionId}/shoppers`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Shoppers");
    await expect(page.getByRole("region", { name: "Customers", exact: true })).toContainText(`lin-${tag}@example.test`);
    const account = page
      .getByRole("region", { name: "Accounts", exact: true })
      .getByRole("row", { name: new RegExp(`Firm ${tag}`) });
    await expect(account).toContainText(`Max ${tag} (max-${tag}@example.test)`);
    await expect(page.getByRole("region", { name: "Account members", exact: true })).toContainText(`max-${tag}@example.test`);
    await expect(page.getByRole("list", { name: "Password profiles" })).toContainText("Username and password");
    await expect(page.getByText("Read-only for your role")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create test customer" })).toHaveCount(0);
    await expectNoSecrets(recorder, [store.key.client_secret]);
  });

  test("an empty store says so on the shoppers page", async ({ page, browser }) => {
    const { connectionId } = await connectedStore(browser);
    await page.goto(`/stores/${connectionId}/shoppers`);
    await expect(page.getByText("No customers yet")).toBeVisible();
    await expect(page.getByText("No accounts yet")).toBeVisible();
  });

  test("an ADMIN creates a test customer, then signs in with it in the preview", async ({ browser }) => {
    const { store, connectionId } = await connectedStore(browser);
    const context = await browser.newContext({ storageState: storageStatePath("admin") });
    const page = await context.newPage();
    const recorder = recordResponses(page);
    const tag = randomBytes(3).toString("hex");
    const customer = { name: `Test ${tag}`, email: `test-${tag}@example.test`, password: `pw-${randomBytes(6).toString("hex")}` };

    await page.goto(`/stores/${connectionId}`);
    await page.getByRole("link", { name: "Shoppers", exact: true }).click();
    await expect(page.getByText("No customers yet")).toBeVisible();
    await page.getByRole("button", { name: "Create test customer" }).click();
    const dialog = page.getByRole("dialog");
    const fill = async () => {
      await dialog.getByLabel("Name").fill(customer.name);
      await dialog.getByLabel("Email").fill(customer.email);
      await dialog.getByLabel("Password").fill(customer.password);
      await dialog.getByRole("button", { name: "Create customer" }).click();
    };
    await fill();
    await expect(page.getByRole("region", { name: "Customers", exact: true })).toContainText(customer.email);
    // The same email again: Elastic Path's 409, said plainly.
    await page.getByRole("button", { name: "Create test customer" }).click();
    await fill();
    await expect(dialog.getByText(`Elastic Path already has a customer with the email ${customer.email}.`)).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("link", { name: "Open the storefront preview" }).click();
    await signInAsCustomer(page, customer.email, customer.password);
    await expect(page.getByRole("region", { name: "Customer details" })).toContainText(customer.name);
    // Audited with the email only.
    await page.goto("/audit?action=elasticpath.customer.created");
    await expect(page.getByRole("row").filter({ hasText: customer.email })).toHaveCount(1);
    // The app's own responses never echo the shopper's password (Elastic Path's are checked for secrets only).
    const app = new URL(page.url()).origin;
    await page.waitForLoadState("networkidle");
    const appBodies = (await recorder.bodies()).filter((b) => b.url.includes(app));
    expect(appBodies.flatMap((b) => scanText(b.url, b.text, [customer.password]))).toEqual([]);
    await expectNoSecrets(recorder, [store.key.client_secret]);
    await context.close();
  });

  test("an ADMIN creates a test account member in a new account, then signs in as them; a taken username is refused and nothing is left behind", async ({
    browser,
  }) => {
    const { connectionId } = await connectedStore(browser);
    const context = await browser.newContext({ storageState: storageStatePath("admin") });
    const page = await context.newPage();
    const tag = randomBytes(3).toString("hex");
    const member = {
      name: `Ida ${tag}`,
      email: `ida-${tag}@example.test`,
      username: `ida-${tag}`,
      password: `pw-${randomBytes(6).toString("hex")}`,
    };

    await page.goto(`/stores/${connectionId}/shoppers`);
    await page.getByRole("button", { name: "Create test member" }).click();
    const dialog = page.getByRole("dialog");
    const fill = async (m: typeof member, account: string) => {
      await dialog.getByLabel("Name", { exact: true }).fill(m.name);
      await dialog.getByLabel("Email", { exact: true }).fill(m.email);
      await dialog.getByLabel("Username", { exact: true }).fill(m.username);
      await dialog.getByLabel("Password", { exact: true }).fill(m.password);
      await dialog.getByLabel("Account", { exact: true }).selectOption({ label: account });
    };
    await fill(member, "A new account…");
    await dialog.getByLabel("New account name").fill(`Ida Co ${tag}`);
    await dialog.getByRole("button", { name: "Create member" }).click();
    await expect(dialog).toBeHidden();
    const account = page
      .getByRole("region", { name: "Accounts", exact: true })
      .getByRole("row", { name: new RegExp(`Ida Co ${tag}`) });
    await expect(account).toContainText(`${member.name} (${member.email})`);

    // The same username again (in the existing account): refused, and no second member is left half-made.
    await page.getByRole("button", { name: "Create test member" }).click();
    await fill({ ...member, name: `Imposter ${tag}`, email: `imp-${tag}@example.test` }, `Ida Co ${tag}`);
    await dialog.getByRole("button", { name: "Create member" }).click();
    await expect(dialog.getByText(`The username ${member.username} is already taken in that password profile.`)).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await expect(page.getByRole("region", { name: "Account members", exact: true })).not.toContainText(`imp-${tag}@example.test`);

    await page.goto(`/audit?action=elasticpath.account_member.created`);
    await expect(page.getByRole("row").filter({ hasText: member.email })).toHaveCount(1);

    await page.goto(`/stores/${connectionId}/preview`);
    await page.getByRole("button", { name: "Account member" }).click();
    await page.getByLabel("Username", { exact: true }).fill(member.username);
    await page.getByLabel("Shopper password").fill(member.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("region", { name: "Account details" })).toContainText(`Ida Co ${tag}`);
    await expect(page.getByText("No orders yet.")).toBeVisible();
    await context.close();
  });
});
