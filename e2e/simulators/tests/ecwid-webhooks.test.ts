import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, waitFor, type Harness, type RecordedRequest } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.reset());

const SECRET = "sandbox-client-secret-0123456789abcdef";

/** Independent verifier, written from the Ecwid docs: base64(HMAC-SHA256(client_secret, "{eventCreated}.{eventId}")). */
function verify(req: RecordedRequest, secret = SECRET): boolean {
  const header = req.headers["x-ecwid-webhook-signature"];
  if (typeof header !== "string") return false;
  const body = JSON.parse(req.body) as { eventCreated: number; eventId: string };
  const expected = createHmac("sha256", secret).update(`${body.eventCreated}.${body.eventId}`).digest();
  const got = Buffer.from(header, "base64");
  return got.length === expected.length && timingSafeEqual(got, expected);
}

describe("Ecwid webhooks", () => {
  it("delivers a signed event to the webhook URL with ?eventtype", async () => {
    const d = await h.control.sendWebhook({
      storeId: 1003,
      eventType: "product.updated",
      entityId: 100300001,
      data: { source: "test" },
    });
    expect(d.status).toBe(200);
    expect(d.delivered).toBe(true);
    const req = h.app.requests.at(-1)!;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/api/ecwid/webhooks?eventtype=product.updated");
    expect(req.headers["content-type"]).toMatch(/application\/json/);
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({ storeId: 1003, entityId: 100300001, eventType: "product.updated", data: { source: "test" } });
    expect(typeof body.eventId).toBe("string");
    expect(Math.abs(body.eventCreated - Date.now() / 1000)).toBeLessThan(5);
    expect(verify(req)).toBe(true);
  });

  it("application.* events carry entityId as a string", async () => {
    await h.control.sendWebhook({
      storeId: 2048,
      eventType: "application.subscriptionStatusChanged",
      data: { oldSubscriptionStatus: "TRIAL", newSubscriptionStatus: "ACTIVE" },
    });
    const body = JSON.parse(h.app.requests.at(-1)!.body);
    expect(body.entityId).toBe("2048");
  });

  it("sends forged, unsigned, old and replayed variants", async () => {
    const valid = await h.control.sendWebhook({ storeId: 1003, eventType: "order.created", entityId: 5 });
    const forged = await h.control.sendWebhook({ storeId: 1003, eventType: "order.created", entityId: 5, variant: "forged" });
    expect(forged.status).toBe(200);
    expect(verify(h.app.requests.at(-1)!)).toBe(false);
    await h.control.sendWebhook({ storeId: 1003, eventType: "order.created", entityId: 5, variant: "unsigned" });
    expect(h.app.requests.at(-1)!.headers["x-ecwid-webhook-signature"]).toBeUndefined();
    await h.control.sendWebhook({ storeId: 1003, eventType: "order.created", entityId: 5, variant: "old" });
    const old = h.app.requests.at(-1)!;
    expect(verify(old)).toBe(true); // validly signed, just stale
    expect(Date.now() / 1000 - JSON.parse(old.body).eventCreated).toBeGreaterThan(3500);
    await h.control.sendWebhook({ storeId: 1003, eventType: "order.created", variant: "replayed", eventId: valid.eventId });
    const replay = h.app.requests.at(-1)!;
    expect(JSON.parse(replay.body)).toEqual(valid.body);
    expect(verify(replay)).toBe(true);
  });

  it("retries failures until a delivered status; only 200/201/202/204/209 count", async () => {
    h.app.queue.push(500, 203, 302);
    const d = await h.control.sendWebhook({ storeId: 1003, eventType: "order.updated", entityId: 1 });
    expect(d.status).toBe(500);
    expect(d.delivered).toBe(false);
    const final = await waitFor(async () => (await h.control.webhooks(1003)).find((x) => x.id === d.id && !x.pending));
    expect(final.statuses).toEqual([500, 203, 302, 200]);
    expect(final.delivered).toBe(true);
    // Every retry is the same event, same signature.
    const ids = new Set(h.app.requests.map((r) => JSON.parse(r.body).eventId));
    expect(ids.size).toBe(1);
  });

  it("gives up after the configured max attempts", async () => {
    h.app.defaultStatus = 503;
    const d = await h.control.sendWebhook({ storeId: 1003, eventType: "order.updated", entityId: 1 });
    const final = await waitFor(async () => (await h.control.webhooks()).find((x) => x.id === d.id && !x.pending));
    expect(final.statuses).toEqual([503, 503, 503, 503]);
    expect(final.delivered).toBe(false);
  });

  it("treats 209 as delivered", async () => {
    h.app.queue.push(209);
    expect((await h.control.sendWebhook({ storeId: 1003, eventType: "product.created", entityId: 2 })).delivered).toBe(true);
  });

  it("fires application.installed on install and product.updated on REST changes", async () => {
    const t = await h.control.installEcwid(1003, ["read_catalog", "update_catalog"]);
    const installed = await waitFor(() => h.app.requests.find((r) => r.url.includes("application.installed")));
    expect(verify(installed)).toBe(true);
    const id = 100300001;
    await fetch(`${h.sandbox.urls["ecwid-api"]}/api/v3/1003/products/${id}/inventory`, {
      method: "PUT",
      headers: { authorization: `Bearer ${t.access_token}`, "content-type": "application/json" },
      body: JSON.stringify({ quantityDelta: 1 }),
    });
    const upd = await waitFor(() => h.app.requests.find((r) => r.url.includes("product.updated")));
    expect(JSON.parse(upd.body).entityId).toBe(id);
  });

  it("uses a changed client_secret for signing", async () => {
    await h.control.configureEcwidApp({ clientSecret: "another-secret-abcdefghijklmnop" });
    await h.control.sendWebhook({ storeId: 1003, eventType: "order.created", entityId: 3 });
    expect(verify(h.app.requests.at(-1)!, "another-secret-abcdefghijklmnop")).toBe(true);
  });
});

describe("Ecwid webhook retries on the sandbox clock (Ecwid's schedule)", () => {
  const MIN = 60_000;
  beforeEach(async () => {
    // The harness shortens retries for the tests above; these use Ecwid's real schedule.
    await h.control.configureEcwid({
      webhookRetryDelaysMs: [15 * MIN, 15 * MIN, 15 * MIN, 15 * MIN, 60 * MIN],
      webhookMaxAttempts: 28,
    });
  });

  it("retries at 15, 30, 45 min, 1 h, 2 h … 24 h with the original event and signature, then stops", async () => {
    h.app.defaultStatus = 503;
    const d = await h.control.sendWebhook({ storeId: 1003, eventType: "order.updated", entityId: 1 });
    const first = d.attempts[0]!.at;
    for (let n = 1; n <= 27; n++) {
      const current = (await h.control.webhooks(1003)).find((x) => x.id === d.id)!;
      await h.control.setClock({ offsetMs: current.nextAttemptAt! - Date.now() + 10 });
      await waitFor(async () =>
        (await h.control.webhooks(1003)).find((x) => x.id === d.id)!.attempts.length > n ? true : undefined,
      );
    }
    const final = (await h.control.webhooks(1003)).find((x) => x.id === d.id)!;
    const minutes = final.attempts.slice(1).map((a) => Math.round((a.at - first) / MIN));
    expect(minutes).toEqual([15, 30, 45, 60, ...Array.from({ length: 23 }, (_, i) => (i + 2) * 60)]);
    expect(final.pending).toBe(false);
    expect(new Set(h.app.requests.map((r) => r.body)).size).toBe(1);
    expect(new Set(h.app.requests.map((r) => r.headers["x-ecwid-webhook-signature"])).size).toBe(1);
  });

  it("does not retry before the clock reaches the next attempt", async () => {
    h.app.queue.push(500);
    const d = await h.control.sendWebhook({ storeId: 1003, eventType: "order.updated", entityId: 1 });
    await h.control.setClock({ advanceMs: 14 * MIN });
    await new Promise((r) => setTimeout(r, 100));
    expect(h.app.requests).toHaveLength(1);
    await h.control.setClock({ advanceMs: MIN });
    const done = await waitFor(async () => (await h.control.webhooks(1003)).find((x) => x.id === d.id && x.delivered));
    expect(done.statuses).toEqual([500, 200]);
  });

  it("stamps events with the sandbox clock", async () => {
    await h.control.setClock({ offsetMs: -20 * MIN });
    const d = await h.control.sendWebhook({ storeId: 1003, eventType: "order.updated", entityId: 1 });
    expect(Date.now() / 1000 - d.body.eventCreated).toBeGreaterThan(19 * 60);
  });

  it("a store's own clock moves that store's events only", async () => {
    const { storeId: otherStore } = await h.control.createEcwidStore();
    const moved = await h.control.setClock({ storeId: 1003, offsetMs: -20 * MIN });
    expect(moved.offsetMs).toBe(-20 * MIN);
    const own = await h.control.sendWebhook({ storeId: 1003, eventType: "order.updated", entityId: 1 });
    const other = await h.control.sendWebhook({ storeId: otherStore, eventType: "order.updated", entityId: 1 });
    expect(Date.now() / 1000 - own.body.eventCreated).toBeGreaterThan(19 * 60);
    expect(Date.now() / 1000 - other.body.eventCreated).toBeLessThan(60);
  });

  it("an ecwid-webhooks fault makes the app unreachable for that delivery only", async () => {
    await h.control.addFault({
      host: "ecwid-webhooks",
      pathPattern: "/api/ecwid/webhooks",
      bodyPattern: '"entityId":77',
      drop: true,
    });
    const d = await h.control.sendWebhook({ storeId: 1003, eventType: "order.updated", entityId: 77 });
    expect(d.status).toBeNull();
    expect(d.attempts[0]!.error).toMatch(/ECONNREFUSED/);
    expect(h.app.requests).toHaveLength(0);
    expect((await h.control.sendWebhook({ storeId: 1003, eventType: "order.updated", entityId: 78 })).status).toBe(200);
  });

  it("a slow answer is a timeout, not a delivery", async () => {
    await h.control.configureEcwid({ webhookTimeoutMs: 100 });
    h.app.delayMs = 400;
    const d = await h.control.sendWebhook({ storeId: 1003, eventType: "order.updated", entityId: 1 });
    expect(d.status).toBeNull();
    expect(d.delivered).toBe(false);
    expect(d.attempts[0]!.error).toMatch(/timeout/i);
  });

  it("holds a delivery until released (Ecwid sends in no particular order)", async () => {
    await h.control.holdWebhooks({ storeId: 1003, eventType: "application.uninstalled" });
    const held = await h.control.sendWebhook({ storeId: 1003, eventType: "application.uninstalled" });
    expect(held.held).toBe(true);
    expect(held.attempts).toHaveLength(0);
    expect((await h.control.sendWebhook({ storeId: 1003, eventType: "application.uninstalled" })).held).toBe(false);
    expect(h.app.requests).toHaveLength(1);
    const released = await h.control.releaseWebhook(held.id);
    expect(released.status).toBe(200);
    expect(JSON.parse(h.app.requests.at(-1)!.body).eventId).toBe(held.eventId);
  });
});
