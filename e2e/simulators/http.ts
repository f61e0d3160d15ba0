// Minimal HTTP plumbing shared by every sandbox host: a tiny router whose route
// patterns double as counter names, body parsing, JSON/HTML replies and CORS.
// Handlers return a plain Reply object instead of writing to the socket so the
// pipeline in server.ts can apply faults, counters and CORS uniformly.
import type { IncomingMessage } from "node:http";

export type HostName = "control" | "ecwid-my" | "ecwid-api" | "elasticpath" | "oauth2";

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface Req {
  method: string;
  url: URL;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  rawBody: Buffer;
  params: Record<string, string>;
  /** Set by the route so counters can attribute token calls to a client. */
  raw: IncomingMessage;
}

/** Thrown by handlers to answer with a prepared reply (e.g. a validation error). */
export class HttpError extends Error {
  constructor(public readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

export type Handler = (req: Req) => Reply | Promise<Reply>;

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: Handler;
}

export interface RouteMatch {
  route: { method: string; pattern: string };
  params: Record<string, string>;
  handler: Handler;
}

/** Path patterns use `:name` segments; the pattern string is also the route's counter name. */
export class Router {
  private routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, pattern, segments: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  match(method: string, path: string): RouteMatch | "method-not-allowed" | null {
    const parts = path.split("/").filter(Boolean);
    let pathMatched = false;
    for (const r of this.routes) {
      if (r.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const seg = r.segments[i]!;
        const part = parts[i]!;
        if (seg.startsWith(":")) {
          try {
            params[seg.slice(1)] = decodeURIComponent(part);
          } catch {
            params[seg.slice(1)] = part;
          }
        } else if (seg !== part) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      pathMatched = true;
      if (r.method === method) return { route: { method: r.method, pattern: r.pattern }, params, handler: r.handler };
    }
    return pathMatched ? "method-not-allowed" : null;
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(body),
  };
}

export function html(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": "text/html; charset=utf-8", ...headers }, body };
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { location }, body: "" };
}

export function empty(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: "" };
}

export function bodyText(req: Req): string {
  return req.rawBody.toString("utf8");
}

export function bodyForm(req: Req): URLSearchParams {
  return new URLSearchParams(bodyText(req));
}

/** Parses a JSON body; returns undefined for empty or malformed bodies so callers answer 400 themselves. */
export function bodyJson(req: Req): unknown {
  const text = bodyText(req).trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function bearerToken(req: Req): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(.+)$/i.exec(h.trim());
  return m ? m[1]!.trim() : null;
}

export function readBody(req: IncomingMessage, limitBytes = 2 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limitBytes) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Permissive CORS: browsers (iframe app with a public token, EP implicit tokens, the CP page) call these hosts. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const requested = req.headers["access-control-request-headers"];
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "access-control-allow-headers": typeof requested === "string" && requested ? requested : "Authorization, Content-Type",
    "access-control-expose-headers": "Retry-After",
    "access-control-max-age": "600",
  };
}

export function intParam(v: string | null | undefined): number | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (!/^-?\d+$/.test(v)) return Number.NaN;
  return Number(v);
}
