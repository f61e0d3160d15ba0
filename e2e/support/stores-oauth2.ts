import { expect, type Page } from "@playwright/test";
import { SandboxControl } from "../simulators/control-client";
import { testEnv } from "./test-env";

export const sandbox = () => new SandboxControl(testEnv.sandboxControlUrl);

/** The shops specs connect through the dashboard: each is used by one spec file at a time (see seed.ts). */
export const SHOPS = {
  lisbon: { id: "shop-lisbon-vintage", name: "Lisbon Vintage Market" },
  kyoto: { id: "shop-kyoto-tea", name: "Kyoto Tea House" },
  coimbra: { id: "shop-coimbra-clocks", name: "Coimbra Clocks" },
} as const;

/**
 * Connects (or re-connects) a generic-OAuth2 shop through the dashboard and the sandbox provider's consent
 * page, as an admin would. Returns the connection id, a unified token for it (the one shown once on
 * connect, or a freshly created one when the shop was connected before), and the shop's id at the provider.
 */
export async function connectOAuth2Store(page: Page, shop: keyof typeof SHOPS) {
  await page.goto("/stores");
  await page.getByRole("link", { name: "Connect an OAuth2 store" }).click();
  await expect(page.getByRole("heading", { name: /^Authorize/ })).toBeVisible();
  await page.getByLabel(SHOPS[shop].name).check();
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL(/\/stores\/[^/?]+\?(connected|reauthorized)=1/);
  const connectionId = new URL(page.url()).pathname.split("/").pop()!;
  const shown = page.getByTestId("new-unified-token");
  let token: string;
  // A new connection always shows its token once; a re-connected one only when it had no live token left.
  // The dialog opens once the page has hydrated: wait for that before deciding it is not coming.
  await page.waitForLoadState("networkidle");
  const timeout = page.url().includes("connected=1") ? 15_000 : 5_000;
  if (
    await shown.waitFor({ timeout }).then(
      () => true,
      () => false,
    )
  ) {
    token = (await shown.textContent())!.trim();
    // The one-time cookie was cleared on the response that rendered the notice: closing it is all that's left.
    await page.getByRole("button", { name: "Done" }).click();
  } else {
    token = await createTokenInUi(page, `e2e-${Date.now()}`);
  }
  return { connectionId, token, shopId: SHOPS[shop].id };
}

export async function createTokenInUi(page: Page, name: string, scope: "READ" | "READ_WRITE" = "READ_WRITE"): Promise<string> {
  await page.getByRole("button", { name: "Create token" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Scope").selectOption(scope);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  const shown = page.getByTestId("new-unified-token");
  await expect(shown).toHaveText(/^slk_/);
  const token = (await shown.textContent())!.trim();
  await page.getByRole("button", { name: "Done" }).click();
  return token;
}
