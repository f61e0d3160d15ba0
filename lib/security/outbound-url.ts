import "server-only";
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

// Which URLs Storelink may call on an admin's say-so (an Elastic Path custom base URL today, outbound
// webhooks next): https, no credentials in the URL, and a host whose every address is public, unless
// the operator names the host in STORELINK_ALLOW_PRIVATE_HOSTS (`host` or `host:port`; the sandboxes).
// Without this an admin could make Storelink probe its own network and read the answers in the errors.
//
// The WHATWG URL parser already normalises the host tricks (2130706433, 0x7f.1, 0177.0.0.1 → 127.0.0.1;
// [::ffff:127.0.0.1] → [::ffff:7f00:1]); names are resolved and every address is checked, so a name that
// resolves to 127.0.0.1 is refused like the address itself. Callers show one message for every refusal.

export type OutboundRefusal = "invalid" | "scheme" | "credentials" | "private" | "unresolvable";

export class OutboundUrlError extends Error {
  override name = "OutboundUrlError";
  constructor(
    readonly reason: OutboundRefusal,
    detail: string,
  ) {
    super(detail);
  }
}

export type OutboundPolicy = {
  /** `host` or `host:port` entries (lower case; IPv6 in brackets) that may be private and plain http. */
  allowPrivateHosts: readonly string[];
  /** Resolves a host name to its addresses (defaults to the system resolver, every address). */
  resolve?: (hostname: string) => Promise<string[]>;
};

const defaultResolve = async (hostname: string) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** A public unicast address: IPv4 outside every special range, IPv6 global unicast (2000::/3) only. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address); // ::ffff:a.b.c.d is judged as a.b.c.d
  if (ip.range() !== "unicast") return false;
  // IPv6 "unicast" in ipaddr.js also covers unassigned space such as the deprecated ::a.b.c.d form.
  return ip.kind() === "ipv4" || (ip as ipaddr.IPv6).match(ipaddr.IPv6.parse("2000::"), 3);
}

const bare = (hostname: string) =>
  hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
const defaultPort = (url: URL) => url.port || (url.protocol === "https:" ? "443" : "80");

/** Whether the operator listed this URL's host (any port) or host:port. */
export function isAllowListed(url: URL, allowPrivateHosts: readonly string[]): boolean {
  const host = bare(url.hostname);
  const port = defaultPort(url);
  return allowPrivateHosts.some((entry) => {
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry.trim().toLowerCase());
    const [entryHost, entryPort] = match ? [bare(match[1]!), match[2]] : [bare(entry), undefined]; // a bare IPv6 address
    return entryHost === host && (entryPort === undefined || entryPort === port);
  });
}

/** What can be checked without DNS: a parseable https URL, no credentials, no private IP literal. */
export function assertPublicHttpsUrl(raw: string, policy: OutboundPolicy): URL {
  if (!URL.canParse(raw)) throw new OutboundUrlError("invalid", "not an absolute URL");
  const url = new URL(raw);
  if (url.username || url.password) throw new OutboundUrlError("credentials", "credentials in the URL");
  if (isAllowListed(url, policy.allowPrivateHosts)) {
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new OutboundUrlError("scheme", `scheme ${url.protocol}`);
    return url;
  }
  if (url.protocol !== "https:") throw new OutboundUrlError("scheme", `scheme ${url.protocol} (https only)`);
  const host = bare(url.hostname);
  if (ipaddr.isValid(host) && !isPublicAddress(host)) throw new OutboundUrlError("private", `${host} is not a public address`);
  return url;
}

/**
 * The URL if Storelink may call it now: assertPublicHttpsUrl, then the host name resolved and every address
 * public. Call it when connecting (not only when the form is read), right before the first request.
 */
export async function checkOutboundUrl(raw: string, policy: OutboundPolicy): Promise<URL> {
  const url = assertPublicHttpsUrl(raw, policy);
  if (isAllowListed(url, policy.allowPrivateHosts)) return url;
  const host = bare(url.hostname);
  if (ipaddr.isValid(host)) return url;
  const addresses = await (policy.resolve ?? defaultResolve)(host).catch(() => [] as string[]);
  if (addresses.length === 0) throw new OutboundUrlError("unresolvable", `${host} does not resolve`);
  const inner = addresses.find((a) => !isPublicAddress(a));
  if (inner) throw new OutboundUrlError("private", `${host} resolves to ${inner}`);
  return url;
}
