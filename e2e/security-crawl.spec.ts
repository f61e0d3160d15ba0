// The secret-leak crawl: run the user flows while recording every response the browser receives
// (documents, RSC payloads, JS and CSS chunks, JSON, event streams), then look for any byte of any secret the
// sandboxes issued or the harness holds, raw or encoded. Storelink's own designed one-time displays (a new
// unified token, a newly created Elastic Path key's client_secret) are the only secrets allowed on screen,
// and only in the response that creates them.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { ControlPanelHost, freshEcwidStore, ecwidUrls } from "./support/ecwid-sandbox";
import { connectThroughUi, seedEpStore } from "./support/elasticpath-fixtures";
import { expect, localOnly, test } from "./support/fixtures";
import { recordResponses, scanText } from "./support/secret-scan";
import { addEndpoint, integratorAt, registerApp } from "./support/apps";
import { harnessSecretsPath, storageStatePath } from "./support/test-env";

test.use({ storageState: storageStatePath("admin") });

function harnessSecrets(): string[] {
  try {
    return (JSON.parse(readFileSync(harnessSecretsPath(), "utf8")) as { secrets: string[] }).secrets;
  } catch {
    return []; // a remote target: only the sandbox's secrets are known
  }
}

/** Records the page's responses for the whole test and fails it on any leaked secret. */
async function crawl(
  page: Page,
  sandbox: { secrets(): Promise<string[]> },
  flow: (allowOnce: (s: string) => void, alsoSecret: (s: string) => void) => Promise<void>,
) {
  const recorder = recordResponses(page);
  const allowed = new Set<string>();
  const extra: string[] = [];
  await flow(
    (s) => allowed.add(s),
    (s) => extra.push(s),
  );
  const secrets = [...harnessSecrets(), ...(await sandbox.secrets()), ...extra].filter((s) => !allowed.has(s));
  const bodies = await recorder.bodies();
  expect(bodies.length).toBeGreaterThan(3); // the recorder saw the flow
  const findings = bodies.flatMap((b) => scanText(b.url, b.text, secrets));
  expect(findings).toEqual([]);
}

test.describe("secret-leak crawl @security", () => {
  // Whole journeys (install or connect, ten-odd pages, both payload modes): more than the default budget
  // on a busy 2-core machine.
  test.beforeEach(() => test.slow());
  test("Ecwid install, dashboard and the Control Panel page in both payload modes leak nothing", async ({ page, sandbox }) => {
    await crawl(page, sandbox, async () => {
      const store = await freshEcwidStore();
      await page.goto("/api/ecwid/oauth/start");
      await page.getByLabel(new RegExp(store.name)).check();
      await page.getByRole("button", { name: "Install" }).click();
      await expect(page.getByRole("heading", { name: "Store connected" })).toBeVisible();
      await page.getByRole("link", { name: "Open the store in Storelink" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      for (const path of ["/stores", "/audit", "/settings", "/platforms", "/users"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      }
      const cp = new ControlPanelHost(page);
      for (const mode of ["encrypted", "hash"] as const) {
        await cp.open(store.storeId, mode);
        await expect(cp.app.getByTestId("connection-health")).toHaveText("Connection healthy");
        await expect(cp.app.getByTestId("product-row").first()).toBeVisible();
      }
      expect(page.url()).toContain(ecwidUrls.ecwidMy);
    });
  });

  test("Elastic Path connect, keys, rotation and storefront preview leak nothing", async ({ page, sandbox }) => {
    await crawl(page, sandbox, async (allowOnce) => {
      const store = await seedEpStore();
      const { connectionId } = await connectThroughUi(page, store);
      await page.goto(`/stores/${connectionId}/keys`);
      await page.getByRole("button", { name: "Create key" }).click();
      const dialog = page.getByRole("dialog", { name: "Create an application key" });
      await dialog.getByLabel("Name", { exact: true }).fill("Crawl key");
      await dialog.getByRole("button", { name: "Create key" }).click();
      const created = (await page.getByTestId("new-client-secret").textContent()) ?? "";
      allowOnce(created); // shown once by design, in the response that created it
      await page.getByRole("button", { name: "I have copied it" }).click();
      // The edit dialog is part of the crawl: a rename renders the key name the rotation then carries.
      await page.getByRole("button", { name: "Edit Default key" }).click();
      await page.getByRole("dialog").getByLabel("Name", { exact: true }).fill("Crawl default");
      await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
      await expect(page.getByRole("rowheader", { name: /Crawl default/ })).toBeVisible();
      await page.getByRole("button", { name: "Rotate connection credentials" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Rotate now" }).click();
      await expect(page.getByTestId("rotation-result")).toContainText("Credentials rotated");
      await page.goto(`/stores/${connectionId}/preview`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("list", { name: "Products" }).getByRole("listitem").first()).toBeVisible({ timeout: 15_000 });
      await page.goto(`/stores/${connectionId}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
  });

  test("the crawl's needle list is real: a known secret in a response is found", async ({ sandbox }) => {
    localOnly("uses the harness's secrets");
    const [secret] = [...harnessSecrets(), ...(await sandbox.secrets())];
    expect(secret).toBeTruthy();
    const b64 = Buffer.from(secret!).toString("base64");
    const findings = scanText("probe", `<script>self.__next_f.push([1,"${b64}"])</script>`, [secret!]);
    expect(findings).toContainEqual(expect.objectContaining({ where: "probe", encoding: "base64" }));
    expect(scanText("probe", "<p>nothing to see</p>", [secret!])).toEqual([]);
  });

  test("an integrator's connect flow: the hosted page, the provider's consent and the return leak neither the unified token nor the app's secrets", async ({
    page,
    sandbox,
  }) => {
    localOnly("runs an example integrator on the local sandbox's ports");
    const integrator = await integratorAt(2);
    try {
      await crawl(page, sandbox, async (allowOnce, alsoSecret) => {
        const app = await registerApp(page, "Crawl Integrator", [`${integrator.url}/return`]);
        allowOnce(app.key); // shown once by design, to the admin who registered the app
        const secret = await addEndpoint(page, `${integrator.url}/webhooks`);
        allowOnce(secret);
        integrator.configure({ appKey: app.key, webhookSecret: secret });
        // The merchant's journey, in the same recorded page (the admin's cookies do not matter to /connect).
        await page.goto(integrator.url);
        await page.getByRole("button", { name: "Connect your store with Storelink" }).click();
        await page.getByRole("link", { name: "Connect with the OAuth2 provider" }).click();
        await page.getByLabel("Faro Surf").check();
        await page.getByRole("button", { name: "Approve" }).click();
        await expect(page.getByTestId("integrator-result")).toHaveText("Connected Faro Surf (OAUTH2).");
        const token = integrator.state.connected[0]?.unifiedToken;
        expect(token).toMatch(/^slk_/);
        alsoSecret(token!); // exchanged server to server: no browser response may carry it
        await page.goto(`/stores/${integrator.state.connected[0]!.connectionId}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      });
    } finally {
      await integrator.close();
    }
  });
});
