// Test harness: an in-process sandbox on ephemeral ports plus a fake "app"
// server that records webhooks and answers with a status the test chooses.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SandboxControl } from "../control-client";
import { startSandbox, type RunningSandbox } from "../server";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface FakeApp {
  url: string;
  requests: RecordedRequest[];
  /** Statuses to answer with, consumed in order; afterwards `defaultStatus`. */
  queue: number[];
  defaultStatus: number;
  /** Answer this late (tests of the delivery timeout). */
  delayMs: number;
  close(): Promise<void>;
}

export async function startFakeApp(): Promise<FakeApp> {
  const app: Omit<FakeApp, "url" | "close"> = { requests: [], queue: [], defaultStatus: 200, delayMs: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      app.requests.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const status = app.queue.shift() ?? app.defaultStatus;
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": "text/plain" });
        res.end("ok");
      }, app.delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(app, {
    url,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  });
}

export interface Harness {
  sandbox: RunningSandbox;
  app: FakeApp;
  control: SandboxControl;
  /** Default seed + millisecond webhook retries + a clean fake app. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const app = await startFakeApp();
  const sandbox = await startSandbox({ port: 0, appUrl: app.url });
  const control = new SandboxControl(sandbox.urls.control);
  const reset = async () => {
    await control.reset();
    // Tests want retries in milliseconds, not seconds.
    await control.configureEcwid({ webhookRetryDelaysMs: [50, 100, 150], webhookMaxAttempts: 4 });
    app.requests.length = 0;
    app.queue.length = 0;
    app.defaultStatus = 200;
    app.delayMs = 0;
  };
  await reset();
  return {
    sandbox,
    app,
    control,
    reset,
    async close() {
      await sandbox.close();
      await app.close();
    },
  };
}

export async function waitFor<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("waitFor timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function form(data: Record<string, string>): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(data).toString(),
  };
}
