// The example integrator: a small app backend of the kind that uses Storelink. It starts a connect session
// with its app key, sends the merchant to Storelink's hosted connect page, exchanges the one-time code it
// gets back for the store's unified token (server to server: the token never travels in a URL), calls the
// unified API with it, and receives Storelink's webhooks, verified with the standardwebhooks library (any
// Standard Webhooks implementation would do). Tests drive it; `npm run example-integrator` runs it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type IntegratorConfig = { storelinkUrl: string; appKey?: string; webhookSecret?: string };
export type ReceivedEvent = { id: string; type: string; data: Record<string, unknown>; receivedAt: number };
export type Connected = {
  session: string;
  connectionId: string;
  unifiedToken: string | null;
  store: { id: string; name: string };
  platform: string;
  reconnected: boolean;
};

export type Integrator = {
  url: string;
  state: {
    connected: Connected[];
    events: ReceivedEvent[];
    rejected: number;
    failures: { session: string; error: string }[];
    deliveries: number;
  };
  configure(patch: Partial<IntegratorConfig> & { failNext?: number; down?: boolean }): void;
  close(): Promise<void>;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c;
      if (body.length > 1_000_000) req.destroy();
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

export async function startIntegrator(options: IntegratorConfig & { port?: number; host?: string }): Promise<Integrator> {
  const config: IntegratorConfig = {
    storelinkUrl: options.storelinkUrl.replace(/\/+$/, ""),
    appKey: options.appKey,
    webhookSecret: options.webhookSecret,
  };
  const state: Integrator["state"] = { connected: [], events: [], rejected: 0, failures: [], deliveries: 0 };
  let failNext = 0;
  let down = false;
  let self = "";
  let n = 0;

  const storelink = async (path: string, body: unknown) => {
    const res = await fetch(`${config.storelinkUrl}/api/v1${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${config.appKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", self);
    const send = (status: number, html: string) =>
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(html);

    if (url.pathname === "/webhooks" && req.method === "POST") {
      const body = await readBody(req);
      state.deliveries++;
      if (down) return res.destroy();
      if (failNext > 0) {
        failNext--;
        return res.writeHead(500).end("failing on purpose");
      }
      try {
        const event = new Webhook(config.webhookSecret ?? "").verify(body, req.headers as Record<string, string>) as {
          type: string;
          data: Record<string, unknown>;
        };
        const id = String(req.headers["webhook-id"]);
        // At least once: the webhook-id is the receiver's dedupe key.
        if (!state.events.some((e) => e.id === id))
          state.events.push({ id, type: event.type, data: event.data, receivedAt: Date.now() });
        return res.writeHead(204).end();
      } catch {
        state.rejected++;
        return res.writeHead(400).end("signature did not verify");
      }
    }

    if (url.pathname === "/connect" && req.method === "POST") {
      const form = new URLSearchParams(await readBody(req));
      const platforms = form.getAll("platform");
      const answer = await storelink("/connect/sessions", {
        endUserRef: form.get("endUserRef") || `merchant-${++n}`,
        returnUrl: `${self}/return`,
        platforms,
      });
      if (answer.status !== 201 || typeof answer.body?.url !== "string")
        return send(502, page("Storelink refused", `<pre>${escapeHtml(JSON.stringify(answer.body))}</pre>`));
      return res.writeHead(303, { location: answer.body.url }).end();
    }

    if (url.pathname === "/return") {
      const session = url.searchParams.get("session") ?? "";
      const error = url.searchParams.get("error");
      if (error) {
        state.failures.push({ session, error });
        return send(
          200,
          page("Not connected", `<p data-testid="integrator-result">The store was not connected (${escapeHtml(error)}).</p>`),
        );
      }
      const answer = await storelink("/connect/exchange", { session, code: url.searchParams.get("code") ?? "" });
      if (answer.status !== 200 || !answer.body)
        return send(
          502,
          page(
            "Exchange failed",
            `<p data-testid="integrator-result">${escapeHtml(String(answer.body?.code ?? answer.status))}</p>`,
          ),
        );
      const b = answer.body as unknown as Omit<Connected, "session">;
      state.connected.push({ session, ...b });
      return send(
        200,
        page(
          "Store connected",
          `<p data-testid="integrator-result">Connected ${escapeHtml(b.store.name)} (${escapeHtml(b.platform)}).</p>`,
        ),
      );
    }

    if (url.pathname === "/") {
      return send(
        200,
        page(
          "Example integrator",
          `<form method="post" action="/connect"><label>Your reference <input name="endUserRef" value="merchant-demo"></label> <button type="submit">Connect your store with Storelink</button></form>` +
            `<h2>Connected</h2><ul>${state.connected.map((c) => `<li>${escapeHtml(c.store.name)} (${escapeHtml(c.platform)}) → ${escapeHtml(c.connectionId)}</li>`).join("")}</ul>` +
            `<h2>Webhooks received</h2><ul>${state.events.map((e) => `<li>${escapeHtml(e.type)}</li>`).join("")}</ul>`,
        ),
      );
    }
    send(404, page("Not found", ""));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  self = `http://${options.host ?? "127.0.0.1"}:${(server.address() as AddressInfo).port}`;
  return {
    url: self,
    state,
    configure(patch) {
      if (patch.storelinkUrl) config.storelinkUrl = patch.storelinkUrl.replace(/\/+$/, "");
      if (patch.appKey) config.appKey = patch.appKey;
      if (patch.webhookSecret) config.webhookSecret = patch.webhookSecret;
      if (patch.failNext !== undefined) failNext = patch.failNext;
      if (patch.down !== undefined) down = patch.down;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
