// Starts the five sandbox listeners (one process, shared in-memory state).
// Port contract: control = base+0, ecwid-my = base+1, ecwid-api = base+2,
// elasticpath = base+3, oauth2 = base+4. `port: 0` gives every listener an
// ephemeral port instead (tests run in parallel without port clashes).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { clearTimers, type SandboxContext } from "./context";
import { registerControlRoutes } from "./control/host";
import { registerControlPanelRoutes } from "./ecwid/control-panel";
import { registerOAuthRoutes } from "./ecwid/oauth";
import { ecwidMethodNotAllowed, ecwidNotFound, registerRestRoutes } from "./ecwid/rest-api";
import { epError, registerElasticPathRoutes } from "./elasticpath/host";
import { faultReply, takeFault } from "./faults";
import { corsHeaders, HttpError, json, readBody, Router, type HostName, type Reply, type Req } from "./http";
import { registerOAuth2Routes } from "./oauth2/host";
import { createState } from "./seed";
import type { SandboxState } from "./state";

export const HOSTS: HostName[] = ["control", "ecwid-my", "ecwid-api", "elasticpath", "oauth2"];

export interface SandboxOptions {
  /** Base port (listeners use base+0…base+4). 0 = ephemeral ports. Default 4400. */
  port?: number;
  /** Explicit per-listener ports; override `port` for the given hosts. */
  ports?: Partial<Record<HostName, number>>;
  /** Interface to bind; loopback by default. */
  hostname?: string;
  /** The app under test; default http://localhost:3000. */
  appUrl?: string;
  ecwidClientId?: string;
  ecwidClientSecret?: string;
  /** Log sink for diagnostics (default: silent). */
  log?: (line: string) => void;
}

export interface RunningSandbox {
  urls: Record<HostName, string>;
  state: SandboxState;
  close(): Promise<void>;
}

/** Hosts whose responses carry permissive CORS (browser callers). */
const CORS_HOSTS = new Set<HostName>(["control", "ecwid-api", "elasticpath", "oauth2"]);

function notFound(host: HostName): Reply {
  if (host === "ecwid-api") return ecwidNotFound();
  if (host === "elasticpath") return epError(404, "Not Found", "The requested resource could not be found");
  return json(404, { error: "not_found", message: "Unknown sandbox route" });
}

function methodNotAllowed(host: HostName): Reply {
  if (host === "ecwid-api") return ecwidMethodNotAllowed();
  if (host === "elasticpath") return epError(405, "Method Not Allowed");
  return json(405, { error: "method_not_allowed" });
}

/** Token endpoints are counted per client so tests can assert on refresh single-flight etc. */
function tokenClientId(host: HostName, path: string, req: IncomingMessage, body: Buffer): string | null {
  const isToken =
    (host === "ecwid-my" && path === "/api/oauth/token") ||
    (host === "elasticpath" && path === "/oauth/access_token") ||
    (host === "oauth2" && path === "/oauth/token");
  if (!isToken) return null;
  const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? "");
  if (basic) {
    const dec = Buffer.from(basic[1]!, "base64").toString("utf8");
    return decodeURIComponent(dec.split(":")[0] ?? "");
  }
  const fromBody = new URLSearchParams(body.toString("utf8")).get("client_id");
  const fromQuery = new URL(req.url ?? "/", "http://x").searchParams.get("client_id");
  return fromBody ?? fromQuery ?? "(none)";
}

function send(res: ServerResponse, reply: Reply, extra: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, { ...extra, ...reply.headers });
  res.end(reply.body ?? "");
}

async function handle(
  ctx: SandboxContext,
  host: HostName,
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const cors = CORS_HOSTS.has(host) ? corsHeaders(req) : {};
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://sandbox.invalid");
  if (method === "OPTIONS" && CORS_HOSTS.has(host)) {
    send(res, { status: 204 }, cors);
    return;
  }
  let rawBody: Buffer;
  try {
    rawBody = await readBody(req);
  } catch {
    send(res, json(413, { error: "payload_too_large" }), cors);
    return;
  }
  const match = router.match(method, url.pathname);
  const { state } = ctx;
  if (host !== "control") {
    // A path that exists with another method is named (a GET on the token endpoint is a finding in itself).
    const routeName =
      match === "method-not-allowed" ? `${url.pathname} (method not allowed)` : match ? match.route.pattern : "(unmatched)";
    const key = `${host} ${method} ${routeName}`;
    state.counters.requests[key] = (state.counters.requests[key] ?? 0) + 1;
    const ecwidStore = host === "ecwid-api" ? /^\/api\/v3\/([^/]+)/.exec(url.pathname)?.[1] : undefined;
    if (ecwidStore) state.counters.ecwidStoreRequests[ecwidStore] = (state.counters.ecwidStoreRequests[ecwidStore] ?? 0) + 1;
    const clientId = tokenClientId(host, url.pathname, req, rawBody);
    if (clientId !== null) state.counters.tokenRequests[clientId] = (state.counters.tokenRequests[clientId] ?? 0) + 1;

    const fault = takeFault(state, host, method, url.pathname + url.search, rawBody.toString("utf8"));
    if (fault) {
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.drop) {
        req.socket.destroy();
        return;
      }
      if (fault.status !== undefined || fault.body !== undefined) {
        send(res, faultReply(fault), cors);
        return;
      }
      // delay-only fault: fall through to the real handler.
    }
  }
  let reply: Reply;
  if (match === null) reply = notFound(host);
  else if (match === "method-not-allowed") reply = methodNotAllowed(host);
  else {
    const r: Req = {
      method,
      url,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      params: match.params,
      raw: req,
    };
    try {
      reply = await match.handler(r);
    } catch (e) {
      if (e instanceof HttpError) reply = e.reply;
      else {
        ctx.log(`[${host}] ${method} ${url.pathname} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        reply =
          host === "elasticpath"
            ? epError(500, "Internal Server Error", "there was a problem processing your request")
            : json(500, { errorMessage: "Internal sandbox error", errorCode: "INTERNAL_ERROR" });
      }
    }
  }
  send(res, reply, cors);
}

function listen(server: Server, port: number, hostname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.once("error", onError);
    server.listen(port, hostname, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const hostname = options.hostname ?? "127.0.0.1";
  const base = options.port ?? 4400;
  const appUrl = (options.appUrl ?? "http://localhost:3000").replace(/\/+$/, "");
  const seedOptions = {
    appUrl,
    ...(options.ecwidClientId ? { ecwidClientId: options.ecwidClientId } : {}),
    ...(options.ecwidClientSecret ? { ecwidClientSecret: options.ecwidClientSecret } : {}),
  };
  const urls = {} as Record<HostName, string>;
  const ctx: SandboxContext = {
    state: createState(seedOptions),
    urls,
    timers: new Set(),
    log: options.log ?? (() => {}),
    seedOptions,
  };

  const routers: Record<HostName, Router> = {
    control: new Router(),
    "ecwid-my": new Router(),
    "ecwid-api": new Router(),
    elasticpath: new Router(),
    oauth2: new Router(),
  };
  registerControlRoutes(routers.control, ctx);
  registerOAuthRoutes(routers["ecwid-my"], ctx);
  registerControlPanelRoutes(routers["ecwid-my"], ctx);
  registerRestRoutes(routers["ecwid-api"], ctx);
  registerElasticPathRoutes(routers.elasticpath, ctx);
  registerOAuth2Routes(routers.oauth2, ctx);

  const servers: Server[] = [];
  try {
    for (const [i, host] of HOSTS.entries()) {
      const server = createServer((req, res) => {
        handle(ctx, host, routers[host], req, res).catch((e: unknown) => {
          ctx.log(`[${host}] unhandled: ${String(e)}`);
          if (!res.headersSent) send(res, json(500, { error: "internal" }), {});
        });
      });
      servers.push(server);
      const wanted = options.ports?.[host] ?? (base === 0 ? 0 : base + i);
      const port = await listen(server, wanted, hostname);
      urls[host] = `http://${hostname}:${port}`;
    }
  } catch (e) {
    await Promise.all(servers.map(closeServer));
    throw e;
  }

  return {
    urls,
    state: ctx.state,
    async close() {
      ctx.closed = true;
      clearTimers(ctx);
      await Promise.all(servers.map(closeServer));
    },
  };
}
