import "server-only";
import { serve, type ServerType } from "@hono/node-server";
import { flushApiRequestLog } from "@/lib/requests/log";
import { unifiedApi } from "./app";
import { closeRateLimiter } from "./rate-limit";

// The unified API served standalone (@hono/node-server): no Next router, no patched fetch, only the
// Hono app. Graceful shutdown stops accepting connections, lets in-flight calls finish (up to a grace
// period), then flushes the batched request log and closes Redis.

export type ApiServer = { url: string; close(graceMs?: number): Promise<void> };

export function startApiServer(options: { port: number; hostname?: string; insideNext?: boolean }): Promise<ApiServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve(
        {
          fetch: unifiedApi().fetch,
          port: options.port,
          hostname: options.hostname ?? "0.0.0.0",
          // Inside Next's process the global Request/Response must stay Next's own.
          overrideGlobalObjects: !options.insideNext,
        },
        (info) =>
          resolve({
            url: `http://${options.hostname ?? "localhost"}:${info.port}`,
            close: (graceMs) => shutdown(server, graceMs),
          }),
      );
    } catch (error) {
      reject(error);
      return;
    }
    // Idle keep-alive connections stay open 65 s (Node's default is 5 s): a client or load balancer that
    // reuses a connection the moment the server closes it gets a reset, so they should close first.
    Object.assign(server, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });
    server.once("error", reject);
  });
}

async function shutdown(server: ServerType, graceMs = 10_000): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive sockets would hold close() open; in-flight requests finish first.
  (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  const timer = setTimeout(() => (server as { closeAllConnections?: () => void }).closeAllConnections?.(), graceMs);
  await closed;
  clearTimeout(timer);
  await flushApiRequestLog();
  await closeRateLimiter();
}
