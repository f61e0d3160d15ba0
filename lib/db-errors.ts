// Recognises "the database is not answering" (restarting, unreachable, connection dropped, pool exhausted)
// among the shapes Prisma, its pg driver adapter and node report it in, so callers can answer 503 with a
// Retry-After instead of a 500: the request may simply be repeated once PostgreSQL is back.

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"]);
// SQLSTATE 08xxx: connection exceptions; 57P01–57P03: admin shutdown, crash shutdown, cannot connect now.
const SQLSTATE = /^(08\d{3}|57P0[1-3])$/;
const MESSAGES =
  /Connection terminated|Can't reach database|Server has closed the connection|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Connection ended unexpectedly|timeout exceeded when trying to connect/i;

type Described = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error as Described | undefined; e && typeof e === "object" && !seen.has(e); e = e.cause as Described | undefined) {
    seen.add(e);
    if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || NODE_CODES.has(e.code) || SQLSTATE.test(e.code))) return true;
    if (typeof e.originalCode === "string" && SQLSTATE.test(e.originalCode)) return true;
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  }
  return false;
}
