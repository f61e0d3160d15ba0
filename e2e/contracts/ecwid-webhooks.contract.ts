// Ecwid webhook rows of e2e/simulators/CONFORMANCE.md: signature, delivery shape, retries. Ecwid delivers only to
// the app's registered public HTTPS URL, so against a real store these rows skip; against the sandbox the stand-in
// app (support/contract-app.ts) receives the deliveries and answers each event with the statuses a row planned.
import { createHmac, randomUUID } from "node:crypto";
import { z } from "zod";
import { contractAppUrl } from "./env";
import { call, conform, eventually, sleep } from "./support/check";
import type { ReceivedWebhook } from "./support/contract-app";
import { expect, need, test } from "./support/fixtures";

const NO_DELIVERY = "webhook delivery needs the app's registered public HTTPS webhook URL: Ecwid cannot deliver to this machine";

const received = async (query: { eventId?: string; storeId?: number }) =>
  (
    await call(
      `${contractAppUrl}/__contract/received?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`,
    )
  ).json as ReceivedWebhook[];
const plan = (eventId: string, statuses: number[]) => call(`${contractAppUrl}/__contract/plan`, { json: { eventId, statuses } });

/** The body Ecwid POSTs (EAD _webhooks.md; EDOC webhooks-structure, event-data-in-webhooks). */
const WebhookBody = z.object({
  eventId: z.string().min(1),
  eventCreated: z.number().int().positive(),
  storeId: z.number().int().positive(),
  entityId: z.union([z.number(), z.string()]),
  eventType: z.string().min(1),
  data: z.record(z.string(), z.unknown()).optional(),
});

const sign = (secret: string, eventCreated: number, eventId: string) =>
  createHmac("sha256", secret).update(`${eventCreated}.${eventId}`).digest("base64");

test.describe("Ecwid webhooks @ecwid", () => {
  test('ECWID-HOOK-01 X-Ecwid-Webhook-Signature is base64(HMAC-SHA256(client_secret, "{eventCreated}.{eventId}"))', async ({
    ecwid,
    control,
  }) => {
    const sb = need(control, NO_DELIVERY);
    const e = need(ecwid, "no Ecwid target");
    const eventId = randomUUID();
    await sb.sendWebhook({
      storeId: e.storeId,
      eventType: "order.updated",
      entityId: 101,
      data: { orderId: "STORELINKC1" },
      eventId,
    });
    const [hit] = await eventually(
      async () => ((await received({ eventId })).length ? await received({ eventId }) : undefined),
      "the webhook delivery",
    );
    // The signed values as they appear in the JSON: eventCreated as its decimal digits.
    const raw = /"eventCreated"\s*:\s*(\d+)/.exec(hit!.body)?.[1];
    expect(raw, "eventCreated is an integer in the body").toBeTruthy();
    const body = conform(WebhookBody, JSON.parse(hit!.body), "the webhook body");
    expect(
      hit!.headers["x-ecwid-webhook-signature"],
      `X-Ecwid-Webhook-Signature must be base64(HMAC-SHA256(client_secret, "${raw}.${body.eventId}"))`,
    ).toBe(sign(e.clientSecret!, Number(raw), body.eventId));
  });

  test("ECWID-HOOK-02 a REST change is delivered as POST ?eventtype= with JSON {eventId, eventCreated, storeId, entityId, eventType, data}", async ({
    ecwid,
    control,
  }) => {
    const sb = need(control, NO_DELIVERY);
    const e = need(ecwid, "no Ecwid target");
    const orderId = need(e.testOrderId, "needs an order");
    const since = Date.now();
    const before = await call(`${e.apiUrl}/api/v3/${e.storeId}/orders/${orderId}`, { token: e.secretToken });
    const original = String(before.json.paymentStatus);
    const next = original === "PAID" ? "AWAITING_PAYMENT" : "PAID";
    await call(`${e.apiUrl}/api/v3/${e.storeId}/orders/${orderId}`, {
      method: "PUT",
      token: e.secretToken,
      json: { paymentStatus: next },
    });
    try {
      const hit = await eventually(
        async () =>
          (await received({ storeId: e.storeId })).find((r) => r.at >= since && r.url.includes("eventtype=order.updated")),
        "order.updated delivery",
      );
      expect(hit.method).toBe("POST");
      expect(new URL(hit.url, contractAppUrl).searchParams.get("eventtype"), "the event type is repeated in ?eventtype=").toBe(
        "order.updated",
      );
      expect(String(hit.headers["content-type"]), "Content-Type").toMatch(/^application\/json/i);
      const body = conform(
        WebhookBody.extend({
          entityId: z.number(),
          data: z.object({ orderId: z.string(), newPaymentStatus: z.string(), oldPaymentStatus: z.string() }),
        }),
        JSON.parse(hit.body),
        "an order.updated webhook",
      );
      expect(body.eventType).toBe("order.updated");
      expect(body.storeId).toBe(e.storeId);
      expect(body.data.orderId, "data.orderId is the order id to fetch").toBe(orderId);
      expect(body.data.newPaymentStatus).toBe(next);
      expect(Math.abs(body.eventCreated - Date.now() / 1000), "eventCreated is unix seconds").toBeLessThan(300);
    } finally {
      await call(`${e.apiUrl}/api/v3/${e.storeId}/orders/${orderId}`, {
        method: "PUT",
        token: e.secretToken,
        json: { paymentStatus: original },
      });
    }
    // application.* events carry the store id as a string entityId.
    const store = await sb.createEcwidStore({ name: "storelink-contract-install", productCount: 0, orderCount: 0 });
    await sb.installEcwid(store.storeId, ["read_store_profile"]);
    const installed = await eventually(
      async () => (await received({ storeId: store.storeId })).find((r) => r.url.includes("eventtype=application.installed")),
      "application.installed delivery",
    );
    const app = conform(
      WebhookBody.extend({ entityId: z.string() }),
      JSON.parse(installed.body),
      "an application.installed webhook",
    );
    expect(app.entityId).toBe(String(store.storeId));
  });

  test("ECWID-HOOK-03 an undelivered webhook is retried with the same eventId, eventCreated and signature; only 200/201/202/204/209 count as delivered", async ({
    ecwid,
    control,
  }) => {
    const sb = need(control, NO_DELIVERY);
    const e = need(ecwid, "no Ecwid target");
    // Compress the schedule for this row, then put back whatever the sandbox had.
    const { webhookRetryDelaysMs } = ((await sb.state()).ecwid as { config: { webhookRetryDelaysMs: number[] } }).config;
    await sb.configureEcwid({ webhookRetryDelaysMs: [150] });
    try {
      const failing = randomUUID();
      await plan(failing, [500, 203, 302, 200]);
      await sb.sendWebhook({
        storeId: e.storeId,
        eventType: "order.updated",
        entityId: 102,
        data: { orderId: "STORELINKC2" },
        eventId: failing,
      });
      const hits = await eventually(
        async () => ((await received({ eventId: failing })).length >= 4 ? await received({ eventId: failing }) : undefined),
        "four delivery attempts (500, 203, 302, then 200)",
      );
      const first = hits[0]!;
      for (const h of hits.slice(1)) {
        expect(h.body, "a retry carries the same body (same eventId and eventCreated)").toBe(first.body);
        expect(h.headers["x-ecwid-webhook-signature"], "a retry carries the same signature").toBe(
          first.headers["x-ecwid-webhook-signature"],
        );
      }
      const delivered = randomUUID();
      await plan(delivered, [209]);
      await sb.sendWebhook({
        storeId: e.storeId,
        eventType: "order.updated",
        entityId: 103,
        data: { orderId: "STORELINKC3" },
        eventId: delivered,
      });
      await sleep(600);
      expect((await received({ eventId: delivered })).length, "209 counts as delivered: no retry").toBe(1);
      await sleep(300);
      expect((await received({ eventId: failing })).length, "no retry after the 200").toBe(4);
    } finally {
      await sb.configureEcwid({ webhookRetryDelaysMs });
    }
  });

  test("ECWID-HOOK-04 the retry schedule is Ecwid's: 15 min, 30 min, 45 min, 1 h, 2 h … to attempt 27 at 24 h, 10 s response timeout", async ({
    control,
  }) => {
    const sb = need(control, "Ecwid's retry schedule cannot be observed from a real store in a test run (it spans 24 h)");
    const config = (
      (await sb.state()).ecwid as {
        config: { webhookRetryDelaysMs: number[]; webhookMaxAttempts: number; webhookTimeoutMs: number };
      }
    ).config;
    const minutes = config.webhookRetryDelaysMs.slice(0, 5).map((ms) => ms / 60_000);
    expect(minutes, "the first retries (minutes after the previous attempt)").toEqual([15, 15, 15, 15, 60]);
    // "Attempt 27 at 24 h" numbers the retries: the first delivery and 27 retries, the last one 24 h after the first.
    const delays = config.webhookRetryDelaysMs;
    const lastRetryAt = Array.from(
      { length: config.webhookMaxAttempts - 1 },
      (_, i) => delays[Math.min(i, delays.length - 1)]!,
    ).reduce((a, b) => a + b, 0);
    expect(config.webhookMaxAttempts - 1, "retries in 24 h").toBe(27);
    expect(lastRetryAt / 3_600_000, "hours from the first delivery to the last retry").toBe(24);
    expect(config.webhookTimeoutMs, "response timeout").toBe(10_000);
  });

  test("ECWID-HOOK-05 webhooks arrive in no particular order: a held event can be delivered after a newer one", async ({
    ecwid,
    control,
  }) => {
    const sb = need(control, "the order of deliveries cannot be forced on a real store");
    const e = need(ecwid, "no Ecwid target");
    const older = randomUUID();
    const newer = randomUUID();
    await sb.holdWebhooks({ storeId: e.storeId, count: 1 });
    const held = await sb.sendWebhook({
      storeId: e.storeId,
      eventType: "order.updated",
      entityId: 101,
      data: { orderId: "STORELINKC5" },
      eventId: older,
    });
    expect(held.held, "the first event is held").toBe(true);
    await sb.sendWebhook({
      storeId: e.storeId,
      eventType: "order.updated",
      entityId: 101,
      data: { orderId: "STORELINKC5" },
      eventId: newer,
    });
    await eventually(async () => ((await received({ eventId: newer })).length ? true : undefined), "the newer event's delivery");
    expect(await received({ eventId: older }), "the older event is still held").toEqual([]);
    await sb.releaseWebhook(held.id);
    const [late] = await eventually(
      async () => ((await received({ eventId: older })).length ? await received({ eventId: older }) : undefined),
      "the held event",
    );
    const [first] = await received({ eventId: newer });
    expect(late!.at, "the older event arrives after the newer one").toBeGreaterThan(first!.at);
    const [lateBody, firstBody] = [JSON.parse(late!.body), JSON.parse(first!.body)] as { eventCreated: number }[];
    expect(lateBody!.eventCreated, "and keeps its own (earlier) eventCreated").toBeLessThanOrEqual(firstBody!.eventCreated);
  });
});
