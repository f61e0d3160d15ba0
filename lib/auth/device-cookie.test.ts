import { beforeAll, describe, expect, it } from "vitest";
import { setTestEnv } from "@/testing/lifecycle";

let device: typeof import("./device-cookie");
beforeAll(async () => {
  setTestEnv();
  device = await import("./device-cookie");
});

describe("device cookie", () => {
  it("names a device for the email it was issued for, and for no other", () => {
    const { value, options } = device.deviceCookieFor("Owner@X.test", true);
    expect(options).toMatchObject({ httpOnly: true, sameSite: "strict", secure: true, path: "/" });
    const id = device.deviceIdFor(value, "owner@x.test");
    expect(id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(device.deviceIdFor(value, "someone-else@x.test")).toBeNull();
  });

  it("every sign-in gets a new device id", () => {
    const a = device.deviceIdFor(device.deviceCookieFor("o@x.test", false).value, "o@x.test");
    const b = device.deviceIdFor(device.deviceCookieFor("o@x.test", false).value, "o@x.test");
    expect(a).not.toBe(b);
  });

  it("refuses forged, tampered, oversized and expired cookies", () => {
    const { value } = device.deviceCookieFor("o@x.test", false);
    const [body, mac] = value.split(".");
    const forgedBody = Buffer.from(JSON.stringify({ email: "o@x.test", device: "mine", exp: Date.now() + 1e9 })).toString(
      "base64url",
    );
    for (const bad of [undefined, "", "garbage", `${forgedBody}.${mac}`, `${body}.${mac}x`, "a".repeat(600)])
      expect(device.deviceIdFor(bad, "o@x.test")).toBeNull();
    expect(device.deviceIdFor(value, "o@x.test", Date.now() + 181 * 24 * 60 * 60_000)).toBeNull();
  });
});
