// Installs an Ecwid store through Storelink's real OAuth flow (the sandbox's consent page), signed in as the
// page's admin, and returns the unified token shown once and the connection id.
import { expect, type Page } from "@playwright/test";
import { createCipheriv, randomBytes } from "node:crypto";
import { ECWID_CLIENT_SECRET, ecwidUrls } from "./ecwid-sandbox";

export async function installThroughOAuth(page: Page, storeName: string): Promise<{ token: string; connectionId: string }> {
  await page.goto("/api/ecwid/oauth/start");
  await expect(page).toHaveURL(new RegExp(`^${ecwidUrls.ecwidMy}/api/oauth/authorize`));
  await page.getByLabel(new RegExp(storeName)).check();
  await page.getByRole("button", { name: "Install" }).click();
  await expect(page.getByRole("heading", { name: "Store connected" })).toBeVisible();
  const token = await page.getByLabel("Unified access token").inputValue();
  const href = (await page.getByRole("link", { name: "Open the store in Storelink" }).getAttribute("href")) ?? "";
  return { token, connectionId: href.match(/\/stores\/([^/?#]+)/)?.[1] ?? "" };
}

/** An encrypted Control Panel payload, as Ecwid builds it (IV ‖ AES-128-CBC, key = client_secret[0:16]). */
export function encryptPayload(payload: object, secret = ECWID_CLIENT_SECRET): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-128-cbc", Buffer.from(secret.slice(0, 16), "utf8"), iv);
  return Buffer.concat([iv, cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]).toString("base64url");
}

/** A legacy `#hash` payload: hex of plain JSON, which anyone can write. */
export const hexPayload = (payload: object) => Buffer.from(JSON.stringify(payload)).toString("hex");
