// Outbound webhooks from the outbox: signed with Standard Webhooks (a receiver using the standardwebhooks
// library verifies them), retried after failures with every attempt kept, once per message across two
// deliverers, the previous secret still signing during a rotation, and nothing sent to private hosts.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bindTestDatabase, setTestEnv } from "@/testing/lifecycle";
import type { TestDatabase } from "@/testing/test-db";

setTestEnv({ STORELINK_ALLOW_PRIVATE_HOSTS: "127.0.0.1", STORELINK_WEBHOOK_RETRY_BASE_MS: "10" });
const { createApp } = await import("./apps");
const { createEndpoint, replayMessage, rotateEndpointSecret, sendTestEvent } = await import("./endpoints");
const { attemptDelivery, claimDueMessages, deliverDueWebhooks, retryDelayMs } = await import("./delivery");

let testDb: TestDatabase;
let receiver: Server;
let base: string;
const received: { headers: Record<string, string>; body: string }[] = [];
let answers: number[] = [];

beforeAll(async () => {
  testDb = await bindTestDatabase();
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      res.writeHead(answers.shift() ?? 200, { "content-type": "text/plain" }).end("ok from receiver");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  receiver.close();
  await testDb.drop();
});

async function endpoint(path = "/hooks") {
  const app = await createApp({ name: "Deliveries", returnUrls: [] }, null);
  return createEndpoint(app.id, { url: `${base}${path}`, events: [] });
}

const drain = async () => {
  for (let i = 0; i < 20 && (await deliverDueWebhooks()) > 0; i++) await new Promise((r) => setTimeout(r, 30));
};

describe("webhook delivery", () => {
  it("signs with Standard Webhooks: a receiver verifies the message with the standardwebhooks library", async () => {
    received.length = 0;
    const ep = await endpoint();
    const id = await sendTestEvent(ep.id, "admin@example.test");
    await drain();
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery!.headers["webhook-id"]).toBe(id);
    const verified = new Webhook(ep.secret).verify(delivery!.body, delivery!.headers) as {
      type: string;
      data: { sequence: number };
    };
    expect(verified).toMatchObject({ type: "test.ping", data: { sequence: 1 } });
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(24, 1).toString("base64")}`).verify(delivery!.body, delivery!.headers),
    ).toThrow();
    expect((await testDb.db.webhookMessage.findUniqueOrThrow({ where: { id: id! } })).status).toBe("DELIVERED");
  });

  it("a receiver that answers 500 three times then 200 gets the message delivered once, with 4 attempts logged", async () => {
    received.length = 0;
    answers = [500, 500, 500, 200];
    const ep = await endpoint();
    const id = (await sendTestEvent(ep.id, "a@example.test"))!;
    for (let i = 0; i < 50; i++) {
      await deliverDueWebhooks();
      if ((await testDb.db.webhookMessage.findUniqueOrThrow({ where: { id } })).status === "DELIVERED") break;
      await new Promise((r) => setTimeout(r, 40));
    }
    const message = await testDb.db.webhookMessage.findUniqueOrThrow({ where: { id }, include: { attemptLog: true } });
    expect(message).toMatchObject({ status: "DELIVERED", attempts: 4, lastStatus: 200, lastBody: "ok from receiver" });
    expect(message.attemptLog.map((a) => a.status)).toEqual([500, 500, 500, 200]);
    expect(received.filter((r) => r.headers["webhook-id"] === id)).toHaveLength(4);
    // Every attempt carries the same id (the receiver's dedupe key) and body.
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
  });

  it("an event written while the receiver is down survives a restart of the deliverer and is delivered once after it", async () => {
    // A receiver that is down: its port answers nothing (connection refused).
    const down = createServer();
    await new Promise<void>((r) => down.listen(0, "127.0.0.1", r));
    const port = (down.address() as AddressInfo).port;
    await new Promise<void>((r) => down.close(() => r()));
    const app = await createApp({ name: "Restarts", returnUrls: [] }, null);
    const ep = await createEndpoint(app.id, { url: `http://127.0.0.1:${port}/hooks`, events: [] });
    const id = (await sendTestEvent(ep.id, "s@example.test"))!;
    expect(await deliverDueWebhooks()).toBe(1);
    const failed = await testDb.db.webhookMessage.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, lastStatus: null });

    // "Restart": a fresh copy of the delivery module (no in-memory state survives), and the receiver is back on
    // the same port. The outbox row is all that carried the event across.
    const back = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(204).end());
    });
    const hits: string[] = [];
    back.on("request", (req) => hits.push(String(req.headers["webhook-id"])));
    await new Promise<void>((r) => back.listen(port, "127.0.0.1", r));
    try {
      vi.resetModules();
      const restarted = await import("./delivery");
      const later = () => new Date(Date.now() + 60 * 60_000);
      for (
        let i = 0;
        i < 5 && (await testDb.db.webhookMessage.findUniqueOrThrow({ where: { id } })).status !== "DELIVERED";
        i++
      ) {
        await restarted.deliverDueWebhooks({ now: later });
      }
      expect(await testDb.db.webhookMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "DELIVERED",
        attempts: 2,
        lastStatus: 204,
      });
      expect(hits).toEqual([id]);
    } finally {
      await new Promise<void>((r) => back.close(() => r()));
    }
  });

  it("two deliverers claiming at once send each message once (SKIP LOCKED)", async () => {
    received.length = 0;
    const ep = await endpoint("/once");
    const ids = await Promise.all(Array.from({ length: 6 }, () => sendTestEvent(ep.id, "x@example.test")));
    const [a, b] = await Promise.all([claimDueMessages(testDb.db), claimDueMessages(testDb.db)]);
    expect(new Set([...a, ...b]).size).toBe(a.length + b.length);
    await Promise.all([...a, ...b].map((id) => attemptDelivery(id)));
    expect(received.filter((r) => r.headers["webhook-id"] && ids.includes(r.headers["webhook-id"]))).toHaveLength(6);
  });

  it("after a rotation the old secret still verifies for 24 hours (two signatures)", async () => {
    received.length = 0;
    const ep = await endpoint("/rotated");
    const { secret: fresh } = await rotateEndpointSecret(ep.id);
    await sendTestEvent(ep.id, "r@example.test");
    await drain();
    const [delivery] = received;
    expect(delivery!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(() => new Webhook(ep.secret).verify(delivery!.body, delivery!.headers)).not.toThrow();
    expect(() => new Webhook(fresh).verify(delivery!.body, delivery!.headers)).not.toThrow();
  });

  it("a replay sends a delivered message again; retry delays grow with jitter", async () => {
    received.length = 0;
    const ep = await endpoint("/replay");
    const id = (await sendTestEvent(ep.id, "p@example.test"))!;
    await drain();
    await replayMessage(id);
    await drain();
    expect(received.filter((r) => r.headers["webhook-id"] === id)).toHaveLength(2);
    const delays = [1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, () => 0.5));
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(1, 1000, () => 0)).toBe(750);
    expect(retryDelayMs(40, 1000, () => 0.5)).toBe(6 * 60 * 60_000);
  });

  it("never sends to a private address that is not allow-listed: the attempt fails and is logged", async () => {
    const app = await createApp({ name: "Private", returnUrls: [] }, null);
    const ep = await createEndpoint(app.id, { url: "https://hooks.integrator.example/x", events: [] });
    await testDb.db.webhookEndpoint.update({ where: { id: ep.id }, data: { url: "https://10.0.0.7/hooks" } });
    const id = (await sendTestEvent(ep.id, "z@example.test"))!;
    const outcome = await attemptDelivery(id);
    expect(outcome.delivered).toBe(false);
    expect(outcome.error).toMatch(/not a public address/);
  });
});
