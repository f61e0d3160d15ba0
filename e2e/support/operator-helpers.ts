// Helpers for the operator specs (home, audit, requests, users, settings): axe, narrow-width checks, and
// seeding a connection plus unified-API traffic through the app itself (specs can't reach the harness DB).
import AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { ecwidUrls, freshEcwidStore } from "./ecwid-sandbox";

export async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious).toEqual([]);
}

/** Nothing wider than the viewport: tables scroll inside their own box, the page never scrolls sideways. */
export async function expectNoHorizontalScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, "page scrolls sideways").toBeLessThanOrEqual(width);
}

export const uniqueEmail = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}@e2e.test`;

/**
 * Installs a fresh sandbox Ecwid store through the app's OAuth flow (as the signed-in admin on `page`) and
 * returns its name, connection id and the unified token shown once on the success page.
 */
export async function connectEcwidStore(page: Page) {
  const store = await freshEcwidStore();
  await page.goto("/api/ecwid/oauth/start");
  await expect(page).toHaveURL(new RegExp(`^${ecwidUrls.ecwidMy}/api/oauth/authorize`));
  await page.getByLabel(new RegExp(store.name)).check();
  await page.getByRole("button", { name: "Install" }).click();
  const token = await page.getByLabel("Unified access token").inputValue();
  const href = (await page.getByRole("link", { name: "Open the store in Storelink" }).getAttribute("href")) ?? "";
  const connectionId = href.split("/").filter(Boolean).at(-1) ?? "";
  expect(connectionId).not.toBe("");
  return { ...store, token, connectionId };
}

/** Calls the unified API with a store's token; every call lands in the request log. */
export async function callUnifiedApi(request: APIRequestContext, token: string, path: string) {
  return request.get(path, { headers: { authorization: `Bearer ${token}` } });
}
