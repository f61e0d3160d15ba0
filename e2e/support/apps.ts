import { expect, type Page } from "@playwright/test";
import { integratorUrls } from "../../scripts/lib/sandbox-env";
import { startIntegrator, type Integrator } from "../simulators/integrator/server";
import { testEnv } from "./test-env";

// Integrator setup as an admin does it in the dashboard: register an app (its first key is shown once), add
// a webhook endpoint (its signing secret is shown once), and an example integrator that uses both.

/** Registers an app with these return URLs; returns its id and its secret key. */
export async function registerApp(page: Page, name: string, returnUrls: string[]): Promise<{ appId: string; key: string }> {
  await page.goto("/apps");
  await page.getByRole("button", { name: "Register an app" }).click();
  await page.getByLabel("App name").fill(name);
  await page.getByLabel("Return URLs").fill(returnUrls.join("\n"));
  await page.getByRole("button", { name: "Register", exact: true }).click();
  const shown = page.getByTestId("new-app-key");
  await expect(shown).toHaveText(/^sla_/);
  const key = (await shown.textContent())!.trim();
  await page.getByRole("button", { name: "Done" }).click();
  await page.waitForURL(/\/apps\/[^/]+$/);
  return { appId: new URL(page.url()).pathname.split("/").pop()!, key };
}

/** Adds a webhook endpoint to the app page that is open; returns its signing secret (whsec_…). */
export async function addEndpoint(page: Page, url: string, events: string[] = []): Promise<string> {
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a webhook endpoint" });
  await dialog.getByLabel("URL", { exact: true }).fill(url);
  for (const event of events)
    await dialog.getByRole("checkbox", { name: new RegExp(`^${event.replace(".", "\\.")}\\b`) }).check();
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  const shown = page.getByTestId("new-endpoint-secret");
  await expect(shown).toHaveText(/^whsec_/);
  const secret = (await shown.textContent())!.trim();
  await page.getByRole("button", { name: "Done" }).click();
  return secret;
}

/**
 * An example integrator on one of the sandbox's allow-listed integrator ports (so Storelink accepts it as a
 * return URL and a webhook endpoint over http): `slot` 0–4 picks the port, one per spec file.
 */
export async function integratorAt(slot: number): Promise<Integrator> {
  const url = new URL(integratorUrls(testEnv.sandboxBasePort)[slot]!);
  return startIntegrator({ storelinkUrl: testEnv.appUrl, port: Number(url.port), host: url.hostname });
}
