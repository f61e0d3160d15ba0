// Ecwid native-app rows of e2e/simulators/CONFORMANCE.md: the iframe payload (both modes) and the EcwidApp bridge's
// wire format, checked in a browser. The SDK rows run the platform's own ecwid-app.js (CONTRACT_ECWID_SDK_URL)
// inside a page that records exactly what it posts; the Control Panel rows need the sandbox's Control Panel (the
// real one needs a merchant's login).
import { createDecipheriv } from "node:crypto";
import type { Page } from "@playwright/test";
import { z } from "zod";
import type { SandboxControl } from "../simulators/control-client";
import { call, conform, eventually } from "./support/check";
import { contractAppUrl } from "./env";
import { expect, need, test, type EcwidTarget } from "./support/fixtures";

const NO_CP = "the real Control Panel needs a merchant's login; these rows run against the sandbox's Control Panel";

const Payload = z.object({
  store_id: z.number().int().positive(),
  lang: z.string().min(2),
  access_token: z.string().min(1),
  public_token: z.string().min(1).optional(),
  view_mode: z.enum(["PAGE", "POPUP", "INLINE"]),
  app_state: z.string().optional(),
});

async function iframeSrc(e: EcwidTarget, query: string): Promise<string> {
  const page = await call(`${e.oauthUrl}/cp/${e.storeId}?${query}`, { headers: { accept: "text/html" } });
  const src = /<iframe[^>]*\ssrc="([^"]+)"/.exec(page.text)?.[1];
  if (!src) throw new Error(`the Control Panel page has no app iframe (status ${page.status})`);
  return src
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

test.describe("Ecwid native-app payload @ecwid", () => {
  test("ECWID-PAYLOAD-01 encrypted mode: ?payload= is base64url(IV ‖ AES-128-CBC(JSON)) keyed by the first 16 characters of client_secret, with app_state and cache-killer beside it", async ({
    ecwid,
    control,
  }) => {
    need(control, NO_CP);
    const e = need(ecwid, "no Ecwid target");
    const src = new URL(await iframeSrc(e, "app_state=order%3ASTORELINKC4"));
    const blob = src.searchParams.get("payload");
    expect(blob, "the iframe URL carries ?payload=").toBeTruthy();
    expect(src.searchParams.get("app_state"), "app_state is its own query parameter").toBe("order:STORELINKC4");
    expect(src.searchParams.get("cache-killer"), "cache-killer is set").toBeTruthy();
    const raw = Buffer.from(blob!.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    const decipher = createDecipheriv("aes-128-cbc", Buffer.from(e.clientSecret!.slice(0, 16), "utf8"), raw.subarray(0, 16));
    const payload = conform(
      Payload,
      JSON.parse(Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString("utf8")),
      "the decrypted payload",
    );
    expect(payload.store_id).toBe(e.storeId);
    const orders = await call(`${e.apiUrl}/api/v3/${e.storeId}/orders?limit=1`, { token: payload.access_token });
    expect(orders.status, "the payload's access_token is the secret token (it reads orders)").toBe(200);
  });

  test("ECWID-PAYLOAD-02 legacy mode: the payload is hex of UTF-8 JSON in the #hash, with app_state inside it", async ({
    ecwid,
    control,
  }) => {
    need(control, NO_CP);
    const e = need(ecwid, "no Ecwid target");
    const src = await iframeSrc(e, "mode=hash&app_state=order%3ASTORELINKC5");
    const hex = src.split("#")[1] ?? "";
    expect(hex, "the hash is hex").toMatch(/^[0-9a-f]+$/i);
    const payload = conform(Payload, JSON.parse(Buffer.from(hex, "hex").toString("utf8")), "the hash payload");
    expect(payload.app_state, "app_state travels inside the payload").toBe("order:STORELINKC5");
    expect(payload.store_id).toBe(e.storeId);
  });
});

test.describe("EcwidApp bridge wire format @ecwid @embedded", () => {
  /** Runs ecwid-app.js in a child frame that calls init, ready and setSize({height: 480}); returns what the parent received. */
  async function sdkMessages(page: Page, sdkUrl: string) {
    await page.goto(`${contractAppUrl}/sdk-harness?sdk=${encodeURIComponent(sdkUrl)}`);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages.length), {
        message: `messages posted by ${sdkUrl}`,
      })
      .toBeGreaterThanOrEqual(2);
    return page.evaluate(() => (window as unknown as { __messages: { type: string; raw: unknown }[] }).__messages);
  }
  const Message = z.object({ ecwidAppNs: z.literal("contract-app"), method: z.string(), data: z.unknown() });

  test("ECWID-BRIDGE-01 ecwid-app.js posts each message as a JSON string {ecwidAppNs, method, data}; ready carries data {}", async ({
    page,
    ecwid,
  }) => {
    const e = need(ecwid, "no Ecwid target");
    const messages = await sdkMessages(page, e.sdkUrl);
    for (const m of messages) expect(m.type, "postMessage data is a JSON string").toBe("string");
    const parsed = messages.map((m) => conform(Message, JSON.parse(String(m.raw)), "an EcwidApp message"));
    const ready = parsed.find((m) => m.method === "ready");
    expect(ready, "EcwidApp.ready() posts a ready message").toBeDefined();
    expect(ready!.data, "ready carries data {}").toEqual({});
  });

  test('ECWID-BRIDGE-02 EcwidApp.setSize({height: 480}) posts data {height: "480px"}, a CSS length string, never a bare number', async ({
    page,
    ecwid,
  }) => {
    const e = need(ecwid, "no Ecwid target");
    // Loose on purpose: BRIDGE-01 checks the envelope, this row only the setSize data.
    const loose = Message.extend({ data: z.unknown().optional() });
    const parsed = (await sdkMessages(page, e.sdkUrl)).map((m) =>
      conform(loose, typeof m.raw === "string" ? JSON.parse(m.raw) : m.raw, "an EcwidApp message"),
    );
    const setSize = parsed.find((m) => m.method === "setSize");
    expect(setSize, "EcwidApp.setSize() posts a setSize message").toBeDefined();
    expect(setSize!.data, "setSize data (the real SDK turns the integer into a CSS length string)").toEqual({ height: "480px" });
  });

  async function openControlPanel(
    page: Page,
    e: EcwidTarget,
    control: SandboxControl,
    appState: string,
    until: "setSize" | "ready" = "setSize",
  ) {
    const since = Date.now();
    await page.goto(`${e.oauthUrl}/cp/${e.storeId}?app_state=${appState}`);
    // A malformed setSize (a bare number) is not recorded as a bridge message: then wait for ready, posted first.
    await eventually(
      async () => (await control.bridgeMessages(e.storeId)).find((m) => m.receivedAt >= since && m.method === until),
      `the Control Panel to receive ${until}`,
    );
    if (until === "ready") await page.waitForTimeout(500);
    const recorded = (await control.bridgeMessages(e.storeId)).filter((m) => m.receivedAt >= since);
    const height = await page.locator("#app-frame").evaluate((f) => (f as HTMLIFrameElement).style.height);
    return { recorded, height };
  }

  test('ECWID-BRIDGE-03 the Control Panel applies setSize {height: "480px"} to the app frame and records ready {} and setSize as sent', async ({
    page,
    ecwid,
    control,
  }) => {
    const sb = need(control, NO_CP);
    const e = need(ecwid, "no Ecwid target");
    const { recorded, height } = await openControlPanel(page, e, sb, "css-length");
    expect(recorded.find((m) => m.method === "ready")?.data, "ready as the Control Panel saw it").toEqual({});
    expect(recorded.find((m) => m.method === "setSize")?.data, "setSize as the Control Panel saw it").toEqual({
      height: "480px",
    });
    expect(height, "the app frame's height").toBe("480px");
  });

  test("ECWID-BRIDGE-04 the Control Panel sizes the frame from the CSS length only: a bare-number height does nothing", async ({
    page,
    ecwid,
    control,
  }) => {
    const sb = need(control, NO_CP);
    const e = need(ecwid, "no Ecwid target");
    const { height } = await openControlPanel(page, e, sb, "bare-number", "ready");
    expect(height, "the app frame's height after setSize {height: 333}").not.toBe("333px");
  });
});
