// The stand-in "app" the sandbox talks to during a contract run (not Storelink: the rows check the platform, not
// the app). It receives Ecwid webhooks and answers each event with the statuses a row planned, and serves tiny
// pages that speak the real EcwidApp SDK wire format (ESDK: JSON.stringify({ecwidAppNs, method, data}) to "*").
import { createServer, type IncomingMessage, type Server } from "node:http";
import { SANDBOX_ECWID_CLIENT_ID } from "../../../scripts/lib/sandbox-env";

export interface ReceivedWebhook {
  eventId: string;
  storeId: string;
  at: number;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  answered: number;
}

// The app page the sandbox Control Panel frames. What it posts depends on app_state, so one iframe URL serves
// every bridge row: "css-length" posts exactly what ecwid-app.js posts, "bare-number" a setSize the SDK never sends.
// Its namespace is the Ecwid app's client_id, as EcwidApp.init({app_id}) makes it (the Control Panel checks it).
const APP_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>contract app</title></head>
<body style="margin:0"><p>contract app frame</p><script>
(function () {
  var q = new URLSearchParams(location.search);
  var appState = q.get("app_state") || "css-length";
  function post(method, data) { window.parent.postMessage(JSON.stringify({ ecwidAppNs: ${JSON.stringify(SANDBOX_ECWID_CLIENT_ID)}, method: method, data: data }), "*"); }
  post("ready", {});
  if (appState === "bare-number") post("setSize", { height: 333 });
  else post("setSize", { height: "480px" });
})();
</script></body></html>`;

// The SDK harness: this page is the parent and records every raw message the child's ecwid-app.js posts.
const sdkHarness = (
  sdk: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sdk harness</title></head><body>
<script>window.__messages = []; window.addEventListener("message", function (e) { window.__messages.push({ type: typeof e.data, raw: e.data }); });</script>
<iframe id="child" title="sdk child" src="/sdk-child?sdk=${encodeURIComponent(sdk)}"></iframe></body></html>`;

const sdkChild = (sdk: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sdk child</title>
<script src="${sdk.replace(/"/g, "&quot;")}"></script></head><body style="margin:0"><div style="height:120px">child</div><script>
  EcwidApp.init({ app_id: "contract-app", autoloadedflag: false, autoheight: false });
  EcwidApp.ready();
  EcwidApp.setSize({ height: 480 });
</script></body></html>`;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function startContractApp(port: number): Promise<Server> {
  const received: ReceivedWebhook[] = [];
  const plans = new Map<string, number[]>();
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://contract-app.invalid");
      const body = await readBody(req);
      const send = (status: number, type: string, text: string) => {
        res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
        res.end(text);
      };
      if (req.method === "POST" && url.pathname === "/api/ecwid/webhooks") {
        let parsed: { eventId?: unknown; storeId?: unknown } = {};
        try {
          parsed = JSON.parse(body) as typeof parsed;
        } catch {
          /* recorded as is; the delivery-shape row reports it */
        }
        const eventId = String(parsed.eventId);
        const plan = plans.get(eventId) ?? [];
        const status = plan.shift() ?? 200;
        received.push({
          eventId,
          storeId: String(parsed.storeId),
          at: Date.now(),
          method: req.method,
          url: req.url ?? "",
          headers: req.headers,
          body,
          answered: status,
        });
        return send(status, "application/json", "{}");
      }
      if (req.method === "POST" && url.pathname === "/__contract/plan") {
        const p = JSON.parse(body) as { eventId: string; statuses: number[] };
        plans.set(p.eventId, [...p.statuses]);
        return send(200, "application/json", "{}");
      }
      if (req.method === "GET" && url.pathname === "/__contract/received") {
        const eventId = url.searchParams.get("eventId");
        const storeId = url.searchParams.get("storeId");
        const hits = received.filter(
          (r) => (eventId === null || r.eventId === eventId) && (storeId === null || r.storeId === storeId),
        );
        return send(200, "application/json", JSON.stringify(hits));
      }
      if (req.method === "GET" && url.pathname === "/ecwid") return send(200, "text/html; charset=utf-8", APP_PAGE);
      if (req.method === "GET" && url.pathname === "/sdk-harness")
        return send(200, "text/html; charset=utf-8", sdkHarness(url.searchParams.get("sdk") ?? ""));
      if (req.method === "GET" && url.pathname === "/sdk-child")
        return send(200, "text/html; charset=utf-8", sdkChild(url.searchParams.get("sdk") ?? ""));
      send(404, "text/plain", "not found");
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(e));
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
