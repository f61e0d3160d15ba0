import { describe, expect, it } from "vitest";
import {
  assertPublicHttpsUrl,
  checkOutboundUrl,
  isAllowListed,
  isPublicAddress,
  OutboundUrlError,
  type OutboundPolicy,
} from "./outbound-url";

const none: OutboundPolicy = { allowPrivateHosts: [] };
const dns =
  (answers: Record<string, string[]>): OutboundPolicy["resolve"] =>
  async (host) =>
    answers[host] ?? [];

async function reason(url: string, policy: OutboundPolicy = none): Promise<string> {
  try {
    await checkOutboundUrl(url, policy);
    return "allowed";
  } catch (error) {
    if (error instanceof OutboundUrlError) return error.reason;
    throw error;
  }
}

describe("isPublicAddress", () => {
  it.each([
    ["127.0.0.1", "IPv4 loopback"],
    ["127.255.0.9", "the rest of 127/8"],
    ["10.1.2.3", "10/8"],
    ["172.16.0.1", "172.16/12"],
    ["192.168.1.1", "192.168/16"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.1", "multicast"],
    ["192.0.2.1", "documentation"],
    ["::1", "IPv6 loopback"],
    ["::", "IPv6 unspecified"],
    ["fe80::1", "IPv6 link-local"],
    ["fd00::1", "IPv6 unique-local"],
    ["fc00::1", "IPv6 unique-local (fc00::/8)"],
    ["ff02::1", "IPv6 multicast"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, hex form"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["::7f00:1", "deprecated IPv4-compatible"],
    ["64:ff9b::7f00:1", "NAT64 of a loopback"],
    ["2002:7f00:1::1", "6to4 of a loopback"],
    ["2001:db8::1", "IPv6 documentation"],
    ["not-an-ip", "not an address"],
  ])("refuses %s (%s)", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["8.8.8.8", "1.1.1.1", "52.95.110.1", "2001:4860:4860::8888", "2606:4700::1111", "::ffff:8.8.8.8"])(
    "accepts %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe("assertPublicHttpsUrl / checkOutboundUrl", () => {
  it("accepts a public https URL whose name resolves to public addresses only", async () => {
    const policy = { ...none, resolve: dns({ "useast.api.elasticpath.com": ["52.95.110.1", "2600:1f18::1"] }) };
    expect((await checkOutboundUrl("https://useast.api.elasticpath.com", policy)).origin).toBe(
      "https://useast.api.elasticpath.com",
    );
    expect(await reason("https://8.8.8.8/v2", none)).toBe("allowed");
  });

  it("refuses http, other schemes and credentials in the URL", async () => {
    expect(await reason("http://useast.api.elasticpath.com")).toBe("scheme");
    expect(await reason("ftp://useast.api.elasticpath.com")).toBe("scheme");
    expect(await reason("file:///etc/passwd")).toBe("scheme");
    expect(await reason("https://user:pass@useast.api.elasticpath.com")).toBe("credentials");
    expect(await reason("not a url")).toBe("invalid");
    expect(await reason("/relative")).toBe("invalid");
  });

  it.each([
    "https://127.0.0.1:4500",
    "https://[::1]/",
    "https://[::ffff:127.0.0.1]/",
    "https://[::ffff:7f00:1]/",
    "https://[fe80::1]/",
    "https://[fd12:3456::1]/",
    "https://0.0.0.0/",
    "https://0/", // → 0.0.0.0
    "https://169.254.169.254/latest/meta-data",
    "https://10.0.0.1",
    "https://2130706433/", // decimal 127.0.0.1
    "https://0x7f.0.0.1/", // hexadecimal
    "https://0177.0.0.1/", // octal
    "https://127.1/", // short form
    "https://0x7f000001/",
  ])("refuses the private address in %s before any DNS", async (url) => {
    expect(() => assertPublicHttpsUrl(url, none)).toThrow(OutboundUrlError);
    expect(await reason(url, { ...none, resolve: async () => ["8.8.8.8"] })).toBe("private");
  });

  it("refuses a name that resolves to a private address, even once among public ones", async () => {
    const policy = {
      ...none,
      resolve: dns({ "rebind.example": ["8.8.8.8", "127.0.0.1"], "internal.example": ["10.0.0.7"], "six.example": ["::1"] }),
    };
    expect(await reason("https://rebind.example", policy)).toBe("private");
    expect(await reason("https://internal.example", policy)).toBe("private");
    expect(await reason("https://six.example", policy)).toBe("private");
    expect(await reason("https://localhost:4500")).toBe("private"); // the system resolver: 127.0.0.1 / ::1
  });

  it("refuses a name that does not resolve", async () => {
    expect(await reason("https://nowhere.invalid", { ...none, resolve: dns({}) })).toBe("unresolvable");
  });

  it("allows listed hosts, private or plain http, with or without a port in the entry", async () => {
    const policy: OutboundPolicy = {
      allowPrivateHosts: ["127.0.0.1:4503", "sandbox.internal", "[::1]:8443"],
      resolve: dns({ "sandbox.internal": ["10.0.0.9"] }),
    };
    expect(await reason("http://127.0.0.1:4503", policy)).toBe("allowed");
    expect(await reason("http://127.0.0.1:4504", policy)).toBe("scheme"); // another port is not listed
    expect(await reason("https://127.0.0.1:4504", policy)).toBe("private");
    expect(await reason("http://sandbox.internal:9999/api", policy)).toBe("allowed"); // any port
    expect(await reason("https://SANDBOX.internal.", policy)).toBe("allowed");
    expect(await reason("https://[::1]:8443", policy)).toBe("allowed");
    expect(await reason("https://[::1]:8444", policy)).toBe("private");
    expect(await reason("http://user:pw@127.0.0.1:4503", policy)).toBe("credentials");
  });
});

describe("isAllowListed", () => {
  it("matches the default port when the entry names one", () => {
    expect(isAllowListed(new URL("https://api.internal/"), ["api.internal:443"])).toBe(true);
    expect(isAllowListed(new URL("http://api.internal/"), ["api.internal:443"])).toBe(false);
    expect(isAllowListed(new URL("http://[::1]:80/"), ["::1"])).toBe(true);
  });
});
