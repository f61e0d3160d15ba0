import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, normalizeAddress, PEER_HEADER, peerAddress, recordPeerAddresses } from "./client-address";

/** A real HTTP server with the stamp installed: sends one request and returns the headers the handler saw. */
async function headersSeenByServer(send: Record<string, string>): Promise<Headers> {
  recordPeerAddresses();
  const server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const body = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/", headers: send }, (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve(text));
      });
      req.on("error", reject);
      req.end();
    });
    return new Headers(JSON.parse(body) as Record<string, string>);
  } finally {
    server.close();
  }
}

describe("client address", () => {
  it("with no trusted proxy, is the socket address whatever X-Forwarded-For says", async () => {
    const seen = await headersSeenByServer({ "x-forwarded-for": "203.0.113.9, 198.51.100.2" });
    expect(clientAddress(seen, 0)).toBe("127.0.0.1");
  });

  it("a client cannot forge the stamp header", async () => {
    const seen = await headersSeenByServer({ [PEER_HEADER]: "forged 203.0.113.9" });
    expect(peerAddress(seen)).toBe("127.0.0.1");
    expect(peerAddress(new Headers({ [PEER_HEADER]: "not-this-process 203.0.113.9" }))).toBeNull();
    expect(peerAddress(new Headers())).toBeNull();
  });

  it("with N trusted proxies, is the Nth X-Forwarded-For entry from the right", () => {
    const headers = new Headers({ "x-forwarded-for": "10.9.9.9, 203.0.113.7, 198.51.100.2" });
    expect(clientAddress(headers, 1)).toBe("198.51.100.2");
    expect(clientAddress(headers, 2)).toBe("203.0.113.7");
    expect(clientAddress(headers, 3)).toBe("10.9.9.9");
    expect(clientAddress(headers, 5)).toBe("10.9.9.9"); // fewer entries than hops: the leftmost
    // Rotating what the client prepends does not change the address one trusted proxy saw.
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.2" }), 1)).toBe("198.51.100.2");
    expect(clientAddress(new Headers({ "x-forwarded-for": "unknown" }), 1)).toBeNull();
  });

  it("normalises addresses and keys IPv6 by /64", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("not-an-ip")).toBeNull();
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe(addressKey("2001:db8:1:2:bbbb::9"));
    expect(addressKey("2001:db8:1:2:aaaa::1")).not.toBe(addressKey("2001:db8:1:3::1"));
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
  });
});
