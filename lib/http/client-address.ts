import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import ipaddr from "ipaddr.js";

// The client's address, for sign-in limits and the audit log.
//
// What `next start` does (Next 16.4, server/base-server.js handleRequestImpl, and checked by experiment):
// `req.headers['x-forwarded-for'] ??= socket.remoteAddress`. A direct client that sends no
// X-Forwarded-For gets the socket address there; one that sends any X-Forwarded-For (one value or a list)
// has it passed on unchanged and the socket address appended nowhere. So with no proxy in front, every
// X-Forwarded-For value is the client's own words, and the App Router offers no other way to the socket.
//
// Hence: at start-up (instrumentation.ts) Storelink subscribes to Node's `http.server.request.start`
// diagnostics channel, which fires before Next sees a request, and stamps the socket address into a
// header of its own, overwriting anything a client sent under that name. The stamp carries a random
// per-process token, so a request that arrived before the subscription (or a header a client forged)
// is not believed.
//
// TRUSTED_PROXY_HOPS (default 0) says how many proxies in front of Storelink append to X-Forwarded-For:
//   0 → the socket address (no proxy; X-Forwarded-For is ignored);
//   N → the Nth entry from the right (each trusted proxy appends the address it saw; Next adds none when
//       the header is present); with fewer entries than N, the leftmost.

export const PEER_HEADER = "x-storelink-peer";

const STAMP = Symbol.for("storelink.peerStamp");
const SUBSCRIBED = Symbol.for("storelink.peerSubscribed");
type Globals = { [STAMP]?: string; [SUBSCRIBED]?: boolean };

function processStamp(): string {
  const g = globalThis as Globals;
  return (g[STAMP] ??= randomBytes(18).toString("base64url"));
}

/** Stamps every incoming request's socket address into PEER_HEADER (once per process). */
export function recordPeerAddresses(): void {
  const g = globalThis as Globals;
  if (g[SUBSCRIBED]) return;
  g[SUBSCRIBED] = true;
  const stamp = processStamp();
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = `${stamp} ${socket.remoteAddress ?? ""}`;
  });
}

/** An address in canonical form (IPv4-mapped IPv6 as IPv4), or null when it is not an IP address. */
export function normalizeAddress(raw: string | undefined | null): string | null {
  const value = raw?.trim().replace(/^\[|\]$/g, "");
  if (!value || !ipaddr.isValid(value)) return null;
  return ipaddr.process(value).toString();
}

/** The socket address stamped by recordPeerAddresses, or null if this process did not stamp it. */
export function peerAddress(headers: Headers): string | null {
  const [stamp, address] = (headers.get(PEER_HEADER) ?? "").split(" ");
  const own = (globalThis as Globals)[STAMP];
  return own && stamp === own ? normalizeAddress(address) : null;
}

/** The client's address: the socket's, or the right X-Forwarded-For entry when proxies are trusted. */
export function clientAddress(headers: Headers, trustedProxyHops: number): string | null {
  if (trustedProxyHops <= 0) return peerAddress(headers);
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return peerAddress(headers);
  return normalizeAddress(entries[Math.max(0, entries.length - trustedProxyHops)]);
}

/** The key limits count an address under: IPv4 as is, IPv6 by its /64 (one host often holds a whole /64). */
export function addressKey(address: string): string {
  const ip = ipaddr.process(address);
  if (ip.kind() === "ipv4") return ip.toString();
  return `${(ip as ipaddr.IPv6).toNormalizedString().split(":").slice(0, 4).join(":")}::/64`;
}
