// Shopper credentials are the shopper's own: they may pass through the browser, never into what Storelink keeps.
// After an admin creates a test customer (password sent to Elastic Path once) and signs in as them in the
// preview (a customer token in the page's memory), neither the password nor the token is anywhere in the
// database (every file of the PGlite folder, or every row of every table on PostgreSQL) or in the server's log.
// The customer's email, which the audit row does keep, is found there: proof the scan sees what was just written.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { connectThroughUi, seedEpStore } from "../support/elasticpath-fixtures";
import { expect, localOnly, test } from "../support/fixtures";
import { scanText } from "../support/secret-scan";
import { harnessDir, harnessLogPath, harnessSecretsPath, storageStatePath } from "../support/test-env";

test.use({ storageState: storageStatePath("admin") });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** What the database holds, as text: the PGlite folder's files, or every row of every table on PostgreSQL. */
async function databaseText(): Promise<{ where: string; text: string }[]> {
  const { databaseUrl } = JSON.parse(readFileSync(harnessSecretsPath(), "utf8")) as { databaseUrl: string };
  if (databaseUrl.startsWith("pglite:"))
    return filesUnder(join(harnessDir(), "db")).map((file) => ({ where: file, text: readFileSync(file).toString("latin1") }));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
    // One query at a time: a pg client runs one query at a time.
    const found: { where: string; text: string }[] = [];
    for (const { name } of tables.rows) {
      const rows = await client.query<{ t: string }>(`SELECT t::text AS t FROM "${name.replaceAll('"', '""')}" t`);
      found.push({ where: `table ${name}`, text: rows.rows.map((r) => r.t).join("\n") });
    }
    return found;
  } finally {
    await client.end();
  }
}

test("a shopper's password and token are nowhere in Storelink's database or log @security @elasticpath", async ({ page }) => {
  localOnly("reads the harness's database and server log");
  test.slow();
  const store = await seedEpStore({ productCount: 2 });
  const { connectionId } = await connectThroughUi(page, store);
  const tag = randomBytes(4).toString("hex");
  const customer = { name: `Rest ${tag}`, email: `rest-${tag}@example.test`, password: `pw-${randomBytes(9).toString("hex")}` };
  let shopperToken = "";
  page.on("response", async (r) => {
    if (r.url().endsWith("/v2/customers/tokens") && r.ok())
      shopperToken = ((await r.json()) as { data: { token: string } }).data.token;
  });

  await page.goto(`/stores/${connectionId}/shoppers`);
  await page.getByRole("button", { name: "Create test customer" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(customer.name);
  await dialog.getByLabel("Email").fill(customer.email);
  await dialog.getByLabel("Password").fill(customer.password);
  await dialog.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("region", { name: "Customers", exact: true })).toContainText(customer.email);
  await page.goto(`/stores/${connectionId}/preview`);
  await page.getByLabel("Customer email").fill(customer.email);
  await page.getByLabel("Shopper password").fill(customer.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("region", { name: "Shopper orders" }).or(page.getByText("No orders yet."))).toBeVisible();
  expect(shopperToken, "the browser received a customer token").not.toBe("");

  await expect
    .poll(async () => (await databaseText()).some((d) => d.text.includes(customer.email)), {
      message: "the scan sees the audit row just written (the customer's email)",
      timeout: 15_000,
    })
    .toBe(true);
  const kept = [...(await databaseText()), { where: "server log", text: readFileSync(harnessLogPath(), "utf8") }];
  const findings = kept.flatMap((d) => scanText(d.where, d.text, [customer.password, shopperToken]));
  expect(findings).toEqual([]);
});
