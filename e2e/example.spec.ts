// A template to copy when you write a new test. It shows the three things most tests need:
// a signed-in page (`as`), the sandbox control API (`sandbox`), and tags for --grep.
import { expect, test } from "./support/fixtures";

test.describe("example: the platforms catalog @smoke", () => {
  test("an admin sees every platform Storelink knows, with its lifecycle rule", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/platforms");
    const rows = page.getByRole("row");
    await expect(rows).toHaveCount(53); // 51 EcartAPI platforms + Elastic Path + the header row
    await expect(page.getByRole("row", { name: /Ecwid/ })).toContainText("Health-checked on a schedule");
    await expect(page.getByRole("row", { name: /Elastic Path/ })).toContainText("Re-minted before expiry");
  });

  test("the sandbox control API answers (seed what you need, never reset shared state)", async ({ sandbox }) => {
    const store = await sandbox.createEcwidStore({ name: "Example Store", productCount: 3 });
    const seeded = await sandbox.ecwidStore(store.storeId);
    expect(seeded.products).toHaveLength(3);
  });
});
