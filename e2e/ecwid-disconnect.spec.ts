import { expect, test, type Page } from "@playwright/test";
import { connectEcwidStore } from "./support/operator-helpers";
import { sandbox } from "./support/ecwid-sandbox";
import { storageStatePath } from "./support/test-env";

// Issue 16.8: disconnecting an Ecwid store may also uninstall the app from it (DELETE
// /api/v3/{storeId}/application, EDOC cancel-app-subscription), on by default; the public token goes too.

test.use({ storageState: storageStatePath("admin") });

async function disconnect(page: Page, connectionId: string, uninstall: boolean) {
  await page.goto(`/stores/${connectionId}`);
  await expect(page.getByText("Public token")).toBeVisible();
  await page.getByRole("button", { name: "Disconnect…" }).click();
  const box = page.getByRole("checkbox", { name: /Also uninstall Storelink from the Ecwid store/ });
  await expect(box).toBeChecked();
  if (!uninstall) await box.uncheck();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect", exact: true }).click();
}

test.describe("Disconnect an Ecwid store @ecwid @destructive", () => {
  test("uninstalls the app from the store by default and clears the public token", async ({ page }) => {
    const store = await connectEcwidStore(page);
    await disconnect(page, store.connectionId, true);
    await expect(page.getByText("Disconnected, and uninstalled from the Ecwid store.")).toBeVisible();
    await expect(page.getByTestId("connection-status")).toHaveText("Revoked");
    await expect(page.getByText("Public token")).toHaveCount(0);
    const state = await sandbox.ecwidStore(store.storeId);
    expect(state.installation).toBeNull();
    expect((state.tokens as { revoked: boolean }[]).every((t) => t.revoked)).toBe(true);
  });

  test("with the box unticked the app stays installed in the store", async ({ page }) => {
    const store = await connectEcwidStore(page);
    await disconnect(page, store.connectionId, false);
    await expect(page.getByText("Disconnected.", { exact: true })).toBeVisible();
    await expect(page.getByText("Public token")).toHaveCount(0);
    expect((await sandbox.ecwidStore(store.storeId)).installation).not.toBeNull();
  });
});
