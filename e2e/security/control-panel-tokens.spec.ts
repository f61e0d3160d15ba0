import { expect, test } from "@playwright/test";
import { bearer } from "../support/api-platform";
import { encryptPayload, hexPayload, installThroughOAuth } from "../support/ecwid-install";
import { freshEcwidStore, sandbox } from "../support/ecwid-sandbox";
import { storageStatePath } from "../support/test-env";

// F1: the legacy hash payload is unsigned and GET /profile also answers a store's public token, which is
// public by design. A payload token opens a session only when it is the store's secret token; nothing a
// payload brings replaces stored credentials without that proof; an uninstalled store stays uninstalled.

type Tokens = { secret: string; public: string };

async function installedStore(browser: import("@playwright/test").Browser) {
  const store = await freshEcwidStore();
  const page = await browser.newPage({ storageState: storageStatePath("admin") });
  const installed = await installThroughOAuth(page, store.name);
  await page.close();
  const tokens = (await sandbox.ecwidStore(store.storeId)).tokens as {
    token: string;
    kind: "secret" | "public";
    revoked: boolean;
  }[];
  const live = tokens.filter((t) => !t.revoked);
  const secret = live.find((t) => t.kind === "secret")!.token;
  const publicToken = live.find((t) => t.kind === "public")!.token;
  return { store, ...installed, tokens: { secret, public: publicToken } satisfies Tokens };
}

const ecwidCallsFor = async (storeId: number) => (await sandbox.counters()).ecwidStoreRequests[String(storeId)] ?? 0;

test.describe("Control Panel payload tokens @security @ecwid", () => {
  test("a legacy payload carrying the public token opens no session and overwrites nothing", async ({ browser, request }) => {
    const { store, token, tokens } = await installedStore(browser);

    const forged = await request.post("/api/ecwid/embedded-session", {
      data: { payload: hexPayload({ store_id: store.storeId, lang: "en", access_token: tokens.public }) },
    });
    expect(forged.status()).toBe(401);
    const body = await forged.text();
    expect(body).not.toContain("sessionToken");
    expect(body).toContain("Reopen the app");

    // The stored secret token is intact: secret-token calls through the unified API still work…
    const orders = await request.get("/api/v1/orders", { headers: bearer(token) });
    expect(orders.status(), await orders.text()).toBe(200);
    // …and the store's own Control Panel page still opens (it answered 500 once the public token was tainted).
    const page = await request.get(
      `/ecwid?payload=${encryptPayload({ store_id: store.storeId, lang: "en", access_token: tokens.secret, public_token: tokens.public })}`,
    );
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain(store.name);
  });

  test("the public token is refused in an encrypted payload too, and as the public token's own twin", async ({
    browser,
    request,
  }) => {
    const { store, tokens } = await installedStore(browser);
    for (const payload of [
      { store_id: store.storeId, lang: "en", access_token: tokens.public },
      { store_id: store.storeId, lang: "en", access_token: tokens.public, public_token: tokens.public },
    ]) {
      const response = await request.get(`/ecwid?payload=${encryptPayload(payload)}`);
      expect(response.status()).toBe(400);
      expect(new URL(response.url()).pathname).toBe("/ecwid/invalid");
      expect(await response.text()).toContain("Reopen the app");
    }
  });

  test("a public token is refused even for a store Storelink has not seen", async ({ request }) => {
    const store = await freshEcwidStore({ install: true });
    const response = await request.post("/api/ecwid/embedded-session", {
      data: { payload: hexPayload({ store_id: store.storeId, lang: "en", access_token: store.tokens!.public_token }) },
    });
    expect(response.status()).toBe(401);
  });

  test("opening the page with the token Storelink holds costs no call to Ecwid", async ({ browser, request }) => {
    const { store, tokens } = await installedStore(browser);
    const payload = hexPayload({ store_id: store.storeId, lang: "en", access_token: tokens.secret, public_token: tokens.public });
    const before = await ecwidCallsFor(store.storeId);
    const response = await request.post("/api/ecwid/embedded-session", { data: { payload } });
    expect(response.status()).toBe(200);
    expect((await response.json()).sessionToken).toEqual(expect.any(String));
    const encrypted = await request.get(
      `/ecwid?payload=${encryptPayload({ store_id: store.storeId, lang: "en", access_token: tokens.secret })}`,
    );
    expect(encrypted.status()).toBe(200);
    // Other tests share the sandbox: count only the calls made for this store.
    expect(await ecwidCallsFor(store.storeId)).toBe(before);
  });

  test("a legacy payload never revives an uninstalled store, even with a token Ecwid accepts", async ({ browser, request }) => {
    const { store, token } = await installedStore(browser);
    await sandbox.uninstallEcwid(store.storeId);
    await expect.poll(async () => (await request.get("/api/v1/store", { headers: bearer(token) })).status()).toBe(401);
    // The merchant reinstalls at Ecwid (a new, valid secret token) but the legacy payload is unsigned: refused.
    const fresh = await sandbox.installEcwid(store.storeId);
    const response = await request.post("/api/ecwid/embedded-session", {
      data: {
        payload: hexPayload({
          store_id: store.storeId,
          lang: "en",
          access_token: fresh.access_token,
          public_token: fresh.public_token,
        }),
      },
    });
    expect(response.status()).toBe(401);
    expect(await response.text()).toContain("uninstalled");
    expect((await request.get("/api/v1/store", { headers: bearer(token) })).status()).toBe(401);
  });
});
