import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { connectEcwidStore } from "./support/operator-helpers";
import { ecwidUrls, sandbox } from "./support/ecwid-sandbox";
import { storageStatePath, testEnv } from "./support/test-env";

// Ecwid's delivery as it really is: an event the app missed comes back on Ecwid's retry schedule with its
// original eventCreated (15 min and later), and events arrive in no particular order (a held uninstall is
// delivered after the store was installed again). The sandbox clock compresses the schedule.

const MINUTE = 60_000;

test.use({ storageState: storageStatePath("admin") });
// Each test moves its own store's clock only: other workers' stores keep real time.

const deliveryOf = async (storeId: number, eventId: string) =>
  (await sandbox.webhooks(storeId)).find((d) => d.eventId === eventId);

async function timeline(page: Page, connectionId: string, type: string) {
  await page.goto(`/stores/${connectionId}`);
  return page.locator(`[data-event-type="${type}"]`);
}

test.describe("Ecwid webhook delivery @ecwid", () => {
  test.skip(!testEnv.local, "moves the local sandbox's clock");

  test("an event the app missed is accepted from Ecwid's 15-minute retry and acted on once", async ({ page }) => {
    const store = await connectEcwidStore(page);
    const eventId = randomUUID();
    const orderId = `RETRY${randomUUID().slice(0, 5).toUpperCase()}`;
    // The event happens 20 minutes ago (sandbox time) while the app is down for it.
    await sandbox.setClock({ storeId: store.storeId, offsetMs: -20 * MINUTE });
    try {
      await sandbox.addFault({ host: "ecwid-webhooks", pathPattern: "/api/ecwid/webhooks", bodyPattern: eventId, drop: true });
      const first = await sandbox.sendWebhook({
        storeId: store.storeId,
        eventType: "order.updated",
        entityId: 1,
        eventId,
        data: { orderId, newFulfillmentStatus: "SHIPPED" },
      });
      expect(first.status).toBeNull();
      expect(first.nextAttemptAt! - first.attempts[0]!.at).toBe(15 * MINUTE);
    } finally {
      // Back to real time: 20 minutes pass, so the 15-minute retry falls due.
      await sandbox.setClock({ storeId: store.storeId, offsetMs: 0 });
    }
    await expect.poll(async () => (await deliveryOf(store.storeId, eventId))?.statuses).toEqual([null, 200]);
    const delivery = (await deliveryOf(store.storeId, eventId))!;
    expect(Date.now() / 1000 - delivery.body.eventCreated).toBeGreaterThan(15 * 60);
    expect(delivery.pending).toBe(false);

    // Acted on exactly once: one timeline entry, and a replay of the same event is only acknowledged.
    const replay = await sandbox.sendWebhook({
      storeId: store.storeId,
      eventType: "order.updated",
      variant: "replayed",
      eventId,
    });
    expect(replay.status).toBe(200);
    await expect((await timeline(page, store.connectionId, "webhook_received")).filter({ hasText: orderId })).toHaveCount(1);
  });

  test("an uninstall delivered after a re-install is stale: the store stays active with its new token", async ({
    page,
    request,
  }) => {
    test.slow(); // two OAuth installs
    const store = await connectEcwidStore(page);
    // The merchant uninstalls a minute ago; Ecwid's delivery of that event is late.
    await sandbox.holdWebhooks({ storeId: store.storeId, eventType: "application.uninstalled" });
    await sandbox.setClock({ storeId: store.storeId, offsetMs: -MINUTE });
    try {
      await sandbox.uninstallEcwid(store.storeId);
    } finally {
      await sandbox.setClock({ storeId: store.storeId, offsetMs: 0 });
    }
    const held = (await sandbox.webhooks(store.storeId)).find((d) => d.eventType === "application.uninstalled");
    expect(held?.held).toBe(true);

    // The merchant installs the app again.
    await page.goto("/api/ecwid/oauth/start");
    await expect(page).toHaveURL(new RegExp(`^${ecwidUrls.ecwidMy}/api/oauth/authorize`));
    await page.getByLabel(new RegExp(store.name)).check();
    await page.getByRole("button", { name: "Install" }).click();
    await expect(page.getByRole("heading", { name: "Store re-authorized" })).toBeVisible();

    // The old uninstall arrives now.
    const late = await sandbox.releaseWebhook(held!.id);
    expect(late.status).toBe(200);

    await expect(await timeline(page, store.connectionId, "webhook_stale")).toHaveCount(1);
    await expect(page.getByTestId("connection-status")).toHaveText("Active");
    // The unified token still works, through the new Ecwid token (the old one was revoked by the uninstall).
    const api = await request.get("/api/v1/store", { headers: { authorization: `Bearer ${store.token}` } });
    expect(api.status()).toBe(200);
  });
});
