// Rotating and revoking the secrets Storelink issues, through the dashboard's dialogs (one shared pair of
// dialogs serves unified tokens and app keys): a rotation with a grace period keeps the old secret working
// until it ends, without one it stops at once, and a revoke (after a confirmation) ends it for good.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { registerApp } from "./support/apps";
import { connectThroughUi, seedEpStore } from "./support/elasticpath-fixtures";
import { storageStatePath } from "./support/test-env";

test.use({ storageState: storageStatePath("admin") });

/** Rows whose state cell says exactly this (hasText would also match "Until revoked" in another column). */
const inState = (page: Page, table: Locator, state: string) =>
  table.getByRole("row").filter({ has: page.getByRole("cell", { name: state, exact: true }) });

const storeCall = (request: APIRequestContext, token: string) =>
  request.get("/api/v1/store", { headers: { authorization: `Bearer ${token}` } });

test("a unified token rotated with a 1-hour grace: both work; revoking the old one ends it, the new one stays", async ({
  page,
  request,
}) => {
  const store = await seedEpStore({ productCount: 1 });
  const { connectionId, unifiedToken: old } = await connectThroughUi(page, store);
  await page.goto(`/stores/${connectionId}`);
  const tokens = page.getByRole("table", { name: "Unified tokens" });
  await tokens.getByRole("button", { name: /^Rotate / }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("A new token replaces");
  await dialog.getByLabel("Grace period for the old token").selectOption({ label: "1 hour" });
  await dialog.getByRole("button", { name: "Rotate", exact: true }).click();
  const shown = page.getByTestId("new-unified-token");
  await expect(shown).toHaveText(/^slk_/);
  const fresh = (await shown.textContent())!.trim();
  await expect(page.getByText("The old token keeps working until")).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();

  expect((await storeCall(request, old)).status()).toBe(200);
  expect((await storeCall(request, fresh)).status()).toBe(200);
  const oldRow = inState(page, tokens, "Rotated (grace period)");
  await expect(oldRow).toHaveCount(1);
  await expect(inState(page, tokens, "Active")).toHaveCount(1);

  await oldRow.getByRole("button", { name: /^Revoke / }).click();
  await expect(dialog).toContainText("stops working at once. This cannot be undone.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect((await storeCall(request, old)).status(), "Cancel revokes nothing").toBe(200);
  await oldRow.getByRole("button", { name: /^Revoke / }).click();
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(inState(page, tokens, "Revoked")).toHaveCount(1);
  await expect(inState(page, tokens, "Active")).toHaveCount(1);
  expect((await storeCall(request, old)).status()).toBe(401);
  expect((await storeCall(request, fresh)).status()).toBe(200);
});

test("an app key rotated without a grace period stops at once; the new key opens connect sessions", async ({ page, request }) => {
  const returnUrl = "https://rotation-app.example/return";
  const { key: old } = await registerApp(page, `Rotation app ${Date.now()}`, [returnUrl]);
  const session = (key: string) =>
    request.post("/api/v1/connect/sessions", {
      headers: { authorization: `Bearer ${key}` },
      data: { endUserRef: "rotation", returnUrl, platforms: ["OAUTH2"] },
    });
  expect((await session(old)).status()).toBe(201);

  await page.getByRole("button", { name: /^Rotate key / }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Grace period for the old key").selectOption({ label: "None: the old key stops working now" });
  await dialog.getByRole("button", { name: "Rotate", exact: true }).click();
  const shown = page.getByTestId("new-app-key");
  await expect(shown).toHaveText(/^sla_/);
  const fresh = (await shown.textContent())!.trim();
  await expect(page.getByText("The old key has stopped working.")).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();

  expect((await session(old)).status()).toBe(401);
  expect((await session(fresh)).status()).toBe(201);
  const keys = page.getByRole("region", { name: "Secret keys" });
  await expect(inState(page, keys, "Revoked")).toHaveCount(1);
  await expect(inState(page, keys, "Active")).toHaveCount(1);
});
