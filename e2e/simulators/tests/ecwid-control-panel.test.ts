import { createDecipheriv } from "node:crypto";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.reset());

const SECRET = "sandbox-client-secret-0123456789abcdef";

/** Independent decryption, from Ecwid's documented algorithm (PHP openssl_decrypt aes-128-cbc). */
function decrypt(payload: string, clientSecret: string): Record<string, unknown> {
  const key = Buffer.from(clientSecret.slice(0, 16), "utf8");
  let b64 = payload.replace(/-/g, "+").replace(/_/g, "/");
  while (b64.length % 4) b64 += "=";
  const raw = Buffer.from(b64, "base64");
  const d = createDecipheriv("aes-128-cbc", key, raw.subarray(0, 16));
  return JSON.parse(Buffer.concat([d.update(raw.subarray(16)), d.final()]).toString("utf8"));
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

async function iframeSrc(storeId: number, query: string): Promise<{ status: number; html: string; src: URL | null }> {
  const res = await fetch(`${h.sandbox.urls["ecwid-my"]}/cp/${storeId}${query}`);
  const text = await res.text();
  const m = /<iframe[^>]*src="([^"]+)"/.exec(text);
  return { status: res.status, html: text, src: m ? new URL(unescapeHtml(m[1]!)) : null };
}

describe("Control Panel host page", () => {
  it("explains when the app is not installed", async () => {
    const r = await iframeSrc(1003, "");
    expect(r.status).toBe(404);
    expect(r.html).toContain('data-testid="not-installed"');
    expect(r.src).toBeNull();
  });

  it("encrypted mode: ?payload decrypts with an independent AES-128-CBC implementation", async () => {
    const tokens = await h.control.installEcwid(1003);
    const r = await iframeSrc(1003, "?mode=encrypted&app_state=" + encodeURIComponent("orders/filter=paid&x=1") + "&lang=de");
    expect(r.status).toBe(200);
    const src = r.src!;
    expect(src.origin + src.pathname).toBe(`${h.app.url}/ecwid`);
    expect(src.searchParams.get("app_state")).toBe("orders/filter=paid&x=1");
    expect(src.searchParams.get("cache-killer")).toBeTruthy();
    const payloadParam = src.searchParams.get("payload")!;
    expect(payloadParam).toMatch(/^[A-Za-z0-9_-]+$/); // URL-safe base64
    const payload = decrypt(payloadParam, SECRET);
    expect(payload).toMatchObject({
      store_id: 1003,
      lang: "de",
      access_token: tokens.access_token,
      public_token: tokens.public_token,
      view_mode: "PAGE",
    });
    // The token in the payload works against the REST API.
    const prof = await fetch(`${h.sandbox.urls["ecwid-api"]}/api/v3/1003/profile`, {
      headers: { authorization: `Bearer ${String(payload.access_token)}` },
    });
    expect(prof.status).toBe(200);
    // A fresh IV every time.
    const again = await iframeSrc(1003, "");
    expect(again.src!.searchParams.get("payload")).not.toBe(payloadParam);
    expect(decrypt(again.src!.searchParams.get("payload")!, SECRET).lang).toBe("en");
  });

  it("hash mode: hex of UTF-8 JSON in the fragment", async () => {
    const tokens = await h.control.installEcwid(2048, ["read_catalog"]);
    const r = await iframeSrc(2048, "?mode=hash&app_state=tab%3D2");
    const hex = r.src!.hash.slice(1);
    expect(hex).toMatch(/^[0-9a-f]+$/);
    const payload = JSON.parse(Buffer.from(hex, "hex").toString("utf8"));
    expect(payload).toEqual({
      store_id: 2048,
      lang: "en",
      access_token: tokens.access_token,
      view_mode: "PAGE",
      app_state: "tab=2",
    });
    expect(r.src!.search).toBe("");
  });

  it("uses a fresh working token when the stored ones were revoked", async () => {
    await h.control.installEcwid(1003);
    await h.control.revokeEcwidTokens(1003);
    const payload = decrypt((await iframeSrc(1003, "")).src!.searchParams.get("payload")!, SECRET);
    const prof = await fetch(`${h.sandbox.urls["ecwid-api"]}/api/v3/1003/profile`, {
      headers: { authorization: `Bearer ${String(payload.access_token)}` },
    });
    expect(prof.status).toBe(200);
  });

  it("has a bridge log, reports to the control API and the control API keeps messages per store", async () => {
    await h.control.installEcwid(1003);
    const r = await iframeSrc(1003, "");
    expect(r.html).toContain('data-testid="bridge-log"');
    expect(r.html).toContain(`${h.sandbox.urls.control}/__sandbox/bridge-messages`);
    // What the page script sends (a browser would preflight: check CORS too).
    const pre = await fetch(`${h.sandbox.urls.control}/__sandbox/bridge-messages`, {
      method: "OPTIONS",
      headers: {
        origin: h.sandbox.urls["ecwid-my"],
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    await fetch(`${h.sandbox.urls.control}/__sandbox/bridge-messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ storeId: "1003", ecwidAppNs: "storelink-sandbox", method: "setSize", data: { height: 640 } }),
    });
    await fetch(`${h.sandbox.urls.control}/__sandbox/bridge-messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ storeId: "2048", method: "ready" }),
    });
    const msgs = await h.control.bridgeMessages(1003);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ storeId: "1003", ecwidAppNs: "storelink-sandbox", method: "setSize", data: { height: 640 } });
  });
});

describe("Control Panel page script (run against a fake DOM)", () => {
  it("logs bridge messages, applies setSize, shows openPage and reports to the control API", async () => {
    await h.control.installEcwid(1003);
    const { html } = await iframeSrc(1003, "");
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const frameWindow = {};
    const el = (id: string) => ({
      id,
      style: {} as Record<string, string>,
      textContent: "",
      children: [] as unknown[],
      contentWindow: id === "app-frame" ? frameWindow : undefined,
      appendChild(c: unknown) {
        this.children.push(c);
      },
    });
    const nodes: Record<string, ReturnType<typeof el>> = {
      "app-frame": el("app-frame"),
      "bridge-log": el("bridge-log"),
      "bridge-errors": el("bridge-errors"),
      "cp-navigation": el("cp-navigation"),
    };
    let listener: ((e: { source: unknown; data: unknown }) => void) | undefined;
    const reported: Promise<Response>[] = [];
    const win = {
      addEventListener: (type: string, fn: typeof listener) => {
        if (type === "message") listener = fn;
      },
      document: { getElementById: (id: string) => nodes[id], createElement: () => ({ textContent: "" }) },
      fetch: (url: string, init: RequestInit) => {
        const p = fetch(url, init);
        reported.push(p);
        return p;
      },
      JSON,
      Date,
    };
    runInNewContext(`(function(window, document, fetch){${script}})(w, w.document, w.fetch)`, { w: win, JSON, Date });
    const post = (data: unknown, source: unknown = frameWindow) => listener!({ source, data });
    post(JSON.stringify({ ecwidAppNs: "storelink-sandbox", method: "ready", data: {} }));
    post(JSON.stringify({ ecwidAppNs: "storelink-sandbox", method: "setSize", data: { height: "777px" } }));
    post(JSON.stringify({ ecwidAppNs: "storelink-sandbox", method: "openPage", data: "products" }));
    post(JSON.stringify({ ecwidAppNs: "evil", method: "ready" }), {}); // not from the app iframe: ignored
    expect(nodes["bridge-errors"]!.children).toHaveLength(0);
    expect(nodes["bridge-log"]!.children).toHaveLength(3);
    expect((nodes["bridge-log"]!.children[1] as { textContent: string }).textContent).toContain('setSize {"height":"777px"}');
    expect(nodes["app-frame"]!.style.height).toBe("777px");
    expect(nodes["cp-navigation"]!.textContent).toContain("products");
    // What an app that does not speak the SDK's format sends: each one is an error.
    post("not json");
    post({ ecwidAppNs: "storelink-sandbox", method: "ready", data: {} }); // an object, not a JSON string
    post(JSON.stringify({ ecwidAppNs: "storelink-sandbox", method: "ready" })); // no data {}
    post(JSON.stringify({ ecwidAppNs: "storelink-sandbox", method: "setSize", data: { height: 640 } })); // bare number
    expect(nodes["bridge-errors"]!.children).toHaveLength(4);
    // The host assigns the height as given; a browser ignores a unitless number (the fake DOM keeps it).
    expect(nodes["app-frame"]!.style.height).toBe(640);
    await Promise.all(reported);
    const msgs = await h.control.bridgeMessages(1003);
    expect(msgs.filter((m) => !m.error).map((m) => m.method)).toEqual(["ready", "setSize", "openPage"]);
    expect(msgs.filter((m) => m.error).map((m) => m.error)).toEqual([
      "not valid JSON",
      "not a JSON string (the SDK posts JSON.stringify of the message)",
      "ready must carry data {}",
      'setSize height must be a CSS length string like "640px"',
    ]);
  });
});

describe("EcwidApp SDK script", () => {
  async function loadSdk(location: { hash?: string; search?: string }) {
    const res = await fetch(`${h.sandbox.urls["ecwid-my"]}/ecwid-sdk/ecwid-app.js`);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    const code = await res.text();
    const posted: { msg: string; target: string }[] = [];
    const intervals: { fn: () => void; ms: number }[] = [];
    const win: Record<string, unknown> = {
      parent: { postMessage: (msg: string, target: string) => posted.push({ msg, target }) },
      location: { hash: location.hash ?? "", search: location.search ?? "" },
      document: { readyState: "complete", documentElement: { offsetHeight: 480 } },
      addEventListener: () => {},
      setInterval: (fn: () => void, ms: number) => intervals.push({ fn, ms }),
    };
    win.window = win;
    runInNewContext(code, win);
    return { EcwidApp: win.EcwidApp as any, posted, intervals, win };
  }

  it("init/ready/setSize/openPage/closeAppPopup post the Ecwid protocol; second init throws", async () => {
    const { EcwidApp, posted, intervals, win } = await loadSdk({});
    EcwidApp.init({ app_id: "storelink-sandbox", autoloadedflag: true, autoheight: true });
    expect(() => EcwidApp.init({ app_id: "x" })).toThrow("Already initialized");
    expect(intervals[0]!.ms).toBe(333);
    intervals[0]!.fn();
    intervals[0]!.fn(); // unchanged height: no second message
    (win.document as any).documentElement.offsetHeight = 700;
    intervals[0]!.fn();
    EcwidApp.setSize({ height: 900 });
    EcwidApp.openPage("products");
    EcwidApp.closeAppPopup();
    expect(posted.every((p) => p.target === "*")).toBe(true);
    expect(posted.map((p) => JSON.parse(p.msg))).toEqual([
      { ecwidAppNs: "storelink-sandbox", method: "ready", data: {} },
      { ecwidAppNs: "storelink-sandbox", method: "setSize", data: { height: "480px" } },
      { ecwidAppNs: "storelink-sandbox", method: "setSize", data: { height: "700px" } },
      { ecwidAppNs: "storelink-sandbox", method: "setSize", data: { height: "900px" } },
      { ecwidAppNs: "storelink-sandbox", method: "openPage", data: "products" },
      { ecwidAppNs: "storelink-sandbox", method: "closeAppPopup" },
    ]);
  });

  it("getPayload decodes the hex hash (UTF-8 safe) and is undefined in encrypted mode", async () => {
    const payload = { store_id: 1003, lang: "fr", access_token: "secret_x", view_mode: "PAGE", app_state: "café" };
    const hex = Buffer.from(JSON.stringify(payload), "utf8").toString("hex");
    expect((await loadSdk({ hash: `#${hex}` })).EcwidApp.getPayload()).toEqual(payload);
    expect((await loadSdk({ search: `?devpayload=${hex}` })).EcwidApp.getPayload()).toEqual(payload);
    expect((await loadSdk({ search: "?payload=abc_-def&cache-killer=1" })).EcwidApp.getPayload()).toBeUndefined();
  });
});
