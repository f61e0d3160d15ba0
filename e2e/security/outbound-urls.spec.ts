import { expect, test, type Page } from "@playwright/test";
import { seedEpStore, type SeededEpStore } from "../support/elasticpath-fixtures";
import { appAlert } from "../support/locators";
import { storageStatePath, testEnv } from "../support/test-env";

// F10: an admin could probe internal hosts through the Elastic Path "custom base URL" (the error told
// "could not be reached" from "answered 404"). Custom platform URLs must be https and resolve to public
// addresses unless STORELINK_ALLOW_PRIVATE_HOSTS lists the host (the harness lists its sandbox hosts),
// checked again after DNS resolution; every refusal and every unreachable host gets the same message.

const REFUSED =
  "Storelink can't connect to that API base URL. Use the public https:// API base URL shown in Commerce Manager (Application Keys). Nothing was saved.";

async function tryCustomUrl(page: Page, store: SeededEpStore, url: string): Promise<string> {
  await page.getByLabel("API base URL").fill(url);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
  await page.getByRole("button", { name: "Connect store" }).click();
  await answered;
  await expect(appAlert(page)).toBeVisible();
  return ((await appAlert(page).textContent()) ?? "").trim();
}

test.describe("custom platform URLs cannot reach internal hosts @security @elasticpath", () => {
  test.use({ storageState: storageStatePath("admin") });
  test.setTimeout(120_000);

  test("private, loopback, link-local and disguised addresses, http, and unreachable hosts all get one message", async ({
    page,
  }) => {
    const store = await seedEpStore();
    const port = testEnv.sandboxBasePort; // the sandbox's control listener: a live internal HTTP server, not allow-listed
    const probes = [
      `http://127.0.0.1:${port}`, // answered 404 before: "reachable"
      "http://127.0.0.1:9", // nothing listens: "unreachable"
      `https://127.0.0.1:${port}`,
      `https://localhost:${port}`, // a name that resolves to a loopback address
      `https://[::1]:${port}`,
      `https://[::ffff:127.0.0.1]:${port}`, // IPv4-mapped IPv6
      `https://[::ffff:7f00:1]:${port}`,
      `https://2130706433:${port}`, // 127.0.0.1 as one decimal number
      `https://0x7f.0.0.1:${port}`, // hexadecimal
      `https://0177.0.0.1:${port}`, // octal
      `https://0.0.0.0:${port}`,
      "https://169.254.169.254/latest/meta-data", // cloud metadata
      "https://10.0.0.1",
      "https://192.168.1.1",
      "https://[fd00::1]",
      "https://[fe80::1]",
      "http://useast.api.elasticpath.com", // public but not https
      "https://user:pass@useast.api.elasticpath.com",
    ];
    await page.goto("/stores/connect/elasticpath");
    await page.getByLabel("Store name").fill(store.name);
    await page.getByLabel("Region").selectOption("custom");
    await page.getByLabel("Client ID").fill(store.key.client_id);
    await page.getByLabel("Client secret").fill(store.key.client_secret);

    const answers: Record<string, string> = {};
    for (const url of probes) answers[url] = await tryCustomUrl(page, store, url);
    for (const [url, answer] of Object.entries(answers)) expect(answer, url).toBe(REFUSED);

    await page.goto(`/stores?q=${encodeURIComponent(store.name)}`);
    await expect(page.getByText(store.name)).toHaveCount(0);
  });

  test("an allow-listed private host (the harness's Elastic Path sandbox) still connects as a custom URL", async ({ page }) => {
    const store = await seedEpStore();
    const sandboxUrl = `http://${testEnv.sandboxHost}:${testEnv.sandboxBasePort + 3}`;
    await page.goto("/stores/connect/elasticpath");
    await page.getByLabel("Store name").fill(store.name);
    await page.getByLabel("Region").selectOption("custom");
    await page.getByLabel("API base URL").fill(sandboxUrl);
    await page.getByLabel("Client ID").fill(store.key.client_id);
    await page.getByLabel("Client secret").fill(store.key.client_secret);
    await page.getByRole("button", { name: "Connect store" }).click();
    await expect(page.getByTestId("unified-token")).toBeVisible({ timeout: 15_000 });
  });
});
