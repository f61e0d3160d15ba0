import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ControlPanelHost, freshEcwidStore, sandbox, signWebhook } from "./support/ecwid-sandbox";
import { storageStatePath } from "./support/test-env";

// Webhooks delivered by the sandbox (signed like Ecwid's), plus direct requests to read the app's answers.

test.describe("Ecwid webhooks @ecwid @security", () => {
  test("uninstall revokes the connection", async ({ browser }) => {
    const store = await freshEcwidStore({ install: true });
    const cpPage = await browser.newPage();
    await new ControlPanelHost(cpPage).open(store.storeId, "encrypted");
    await expect(new ControlPanelHost(cpPage).app.getByTestId("store-name")).toHaveText(store.name);
    await cpPage.close();

    await sandbox.uninstallEcwid(store.storeId);
    await expect
      .poll(
        async () => (await sandbox.webhooks(store.storeId)).find((d) => d.eventType === "application.uninstalled")?.statuses?.[0],
      )
      .toBe(200);

    const admin = await browser.newContext({ storageState: storageStatePath("admin") });
    const page = await admin.newPage();
    await page.goto(`/stores?q=${encodeURIComponent(store.name)}`);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: store.name }) });
    await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "REVOKED");
    await admin.close();
  });

  test("forged, unsigned, old and replayed deliveries are refused", async () => {
    const store = await freshEcwidStore({ install: true });
    const valid = await sandbox.sendWebhook({
      storeId: store.storeId,
      eventType: "order.updated",
      entityId: 1,
      data: { orderId: "X1" },
    });
    expect(valid.status).toBe(200);
    expect((await sandbox.sendWebhook({ storeId: store.storeId, eventType: "order.updated", variant: "forged" })).status).toBe(
      401,
    );
    expect((await sandbox.sendWebhook({ storeId: store.storeId, eventType: "order.updated", variant: "unsigned" })).status).toBe(
      401,
    );
    expect((await sandbox.sendWebhook({ storeId: store.storeId, eventType: "order.updated", variant: "old" })).status).toBe(400);
    // A replay is acknowledged (so Ecwid stops retrying) but not processed twice: see the duplicate test.
    expect(
      (
        await sandbox.sendWebhook({
          storeId: store.storeId,
          eventType: "order.updated",
          variant: "replayed",
          eventId: valid.eventId,
        })
      ).status,
    ).toBe(200);
  });

  test("a duplicate eventId is processed once", async ({ request }) => {
    const store = await freshEcwidStore({ install: true });
    const event = {
      eventId: randomUUID(),
      eventCreated: Math.floor(Date.now() / 1000),
      storeId: store.storeId,
      entityId: 7,
      eventType: "product.updated",
    };
    const headers = { "x-ecwid-webhook-signature": signWebhook(event.eventCreated, event.eventId) };
    const first = await request.post("/api/ecwid/webhooks?eventtype=product.updated", { data: event, headers });
    expect(first.status()).toBe(200);
    expect((await first.json()).outcome).toMatch(/processed|unknown_store/);
    const second = await request.post("/api/ecwid/webhooks?eventtype=product.updated", { data: event, headers });
    expect(second.status()).toBe(200);
    expect((await second.json()).outcome).toBe("duplicate");
  });

  test("a signature over different values is refused", async ({ request }) => {
    const event = {
      eventId: randomUUID(),
      eventCreated: Math.floor(Date.now() / 1000),
      storeId: 1003,
      entityId: "1003",
      eventType: "application.uninstalled",
    };
    const response = await request.post("/api/ecwid/webhooks", {
      data: event,
      headers: { "x-ecwid-webhook-signature": signWebhook(event.eventCreated + 1, event.eventId) },
    });
    expect(response.status()).toBe(401);
    const missing = await request.post("/api/ecwid/webhooks", { data: event });
    expect(missing.status()).toBe(401);
  });

  test("an event for an unknown store is acknowledged and ignored", async ({ request }) => {
    const event = {
      eventId: randomUUID(),
      eventCreated: Math.floor(Date.now() / 1000),
      storeId: 987654321,
      entityId: 1,
      eventType: "order.created",
    };
    const response = await request.post("/api/ecwid/webhooks", {
      data: event,
      headers: { "x-ecwid-webhook-signature": signWebhook(event.eventCreated, event.eventId) },
    });
    expect(response.status()).toBe(200);
    expect((await response.json()).outcome).toBe("unknown_store");
  });
});
