import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { form, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.reset());

const CLIENT_ID = "storelink-sandbox";
const CLIENT_SECRET = "sandbox-client-secret-0123456789abcdef";

function authorizeUrl(params: Record<string, string>): string {
  const u = new URL("/api/oauth/authorize", h.sandbox.urls["ecwid-my"]);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

const redirectUri = () => `${h.app.url}/api/ecwid/oauth/callback`;

/** Loads the consent page, then submits it the way a browser would. */
async function consent(opts: { scope: string; state?: string; storeId?: number; decision?: "install" | "cancel" }): Promise<URL> {
  const page = await fetch(
    authorizeUrl({
      client_id: CLIENT_ID,
      redirect_uri: redirectUri(),
      response_type: "code",
      scope: opts.scope,
      ...(opts.state ? { state: opts.state } : {}),
    }),
  );
  expect(page.status).toBe(200);
  const htmlText = await page.text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(htmlText)?.[1];
  expect(requestId).toBeTruthy();
  const res = await fetch(new URL("/api/oauth/authorize", h.sandbox.urls["ecwid-my"]), {
    ...form({ request_id: requestId!, store_id: String(opts.storeId ?? 1003), decision: opts.decision ?? "install" }),
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!);
}

async function exchange(code: string, overrides: Record<string, string> = {}) {
  const res = await fetch(
    new URL("/api/oauth/token", h.sandbox.urls["ecwid-my"]),
    form({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      code,
      redirect_uri: redirectUri(),
      grant_type: "authorization_code",
      ...overrides,
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("Ecwid OAuth consent page", () => {
  it("renders an accessible page listing stores and scopes", async () => {
    const res = await fetch(
      authorizeUrl({
        client_id: CLIENT_ID,
        redirect_uri: redirectUri(),
        response_type: "code",
        scope: "read_catalog public_storefront",
      }),
    );
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('<label for="store-1003">Sunrise Ceramics');
    expect(text).toContain("Northwind Outfitters");
    expect(text).toContain("<legend>Choose a store</legend>");
    expect(text).toMatch(/<code>read_store_profile<\/code>/); // always granted
    expect(text).toMatch(/<code>public_storefront<\/code>/);
    expect(text).toContain(">Install</button>");
    expect(text).toContain(">Cancel</button>");
  });

  it.each([
    ["unknown client", { client_id: "nope" }, "Unknown application"],
    ["redirect on another origin", { redirect_uri: "http://evil.example/cb" }, "Invalid redirect_uri"],
    ["response_type token", { response_type: "token" }, "Invalid response_type"],
    ["unknown scope", { scope: "read_catalog launch_missiles" }, "Unknown scope: launch_missiles"],
  ])("rejects %s with a 400 page", async (_name, override, message) => {
    const res = await fetch(
      authorizeUrl({
        client_id: CLIENT_ID,
        redirect_uri: redirectUri(),
        response_type: "code",
        scope: "read_catalog",
        ...override,
      }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(message);
  });

  it("accepts a redirect_uri that is a sub-path of the registered URL only", async () => {
    await h.control.configureEcwidApp({ redirectUrl: `${h.app.url}/api/ecwid` });
    const ok = await fetch(
      authorizeUrl({
        client_id: CLIENT_ID,
        redirect_uri: `${h.app.url}/api/ecwid/oauth/callback`,
        response_type: "code",
        scope: "read_catalog",
      }),
    );
    expect(ok.status).toBe(200);
    const outside = await fetch(
      authorizeUrl({
        client_id: CLIENT_ID,
        redirect_uri: `${h.app.url}/api/other`,
        response_type: "code",
        scope: "read_catalog",
      }),
    );
    expect(outside.status).toBe(400);
  });

  it("rejects a scope the app is not configured for", async () => {
    await h.control.configureEcwidApp({ scopes: ["read_store_profile", "read_catalog"] });
    const res = await fetch(
      authorizeUrl({ client_id: CLIENT_ID, redirect_uri: redirectUri(), response_type: "code", scope: "read_orders" }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("read_orders");
  });
});

describe("Ecwid OAuth code flow", () => {
  it("issues a code, echoes state and exchanges it for tokens", async () => {
    const loc = await consent({ scope: "read_catalog update_catalog public_storefront", state: "xyz 123/+" });
    expect(loc.origin + loc.pathname).toBe(redirectUri());
    expect(loc.searchParams.get("state")).toBe("xyz 123/+");
    const code = loc.searchParams.get("code")!;
    const { status, body } = await exchange(code);
    expect(status).toBe(200);
    expect(body.access_token).toMatch(/^secret_/);
    expect(body.public_token).toMatch(/^public_/);
    expect(String(body.token_type).toLowerCase()).toBe("bearer");
    expect(body.store_id).toBe(1003);
    expect(body.email).toBe("owner@sunrise-ceramics.example");
    expect(String(body.scope).split(" ").sort()).toEqual([
      "public_storefront",
      "read_catalog",
      "read_store_profile",
      "update_catalog",
    ]);
    expect(body).not.toHaveProperty("refresh_token");
    expect(body).not.toHaveProperty("expires_in");
  });

  it("omits public_token without public_storefront and picks the chosen store", async () => {
    const loc = await consent({ scope: "read_catalog", storeId: 2048 });
    expect(loc.searchParams.has("state")).toBe(false);
    const { body } = await exchange(loc.searchParams.get("code")!);
    expect(body.store_id).toBe(2048);
    expect(body).not.toHaveProperty("public_token");
  });

  it("redirects with error=access_denied on Cancel, echoing state", async () => {
    const loc = await consent({ scope: "read_catalog", state: "s1", decision: "cancel" });
    expect(loc.searchParams.get("error")).toBe("access_denied");
    expect(loc.searchParams.get("state")).toBe("s1");
    expect(loc.searchParams.has("code")).toBe(false);
  });

  it("a second exchange of a code fails and disables the token issued by the first", async () => {
    const code = (await consent({ scope: "read_catalog" })).searchParams.get("code")!;
    const first = await exchange(code);
    const api = (token: string) =>
      fetch(`${h.sandbox.urls["ecwid-api"]}/api/v3/1003/profile`, { headers: { authorization: `Bearer ${token}` } });
    expect((await api(String(first.body.access_token))).status).toBe(200);
    const second = await exchange(code);
    expect(second.status).toBe(400);
    expect(second.body.error).toBe("invalid_grant");
    const after = await api(String(first.body.access_token));
    expect(after.status).toBe(403);
    expect(((await after.json()) as { errorCode: string }).errorCode).toBe("INVALID_API_TOKEN");
  });

  it("rejects a mismatched redirect_uri, bad client secret, wrong grant and expired code", async () => {
    const code = (await consent({ scope: "read_catalog" })).searchParams.get("code")!;
    expect((await exchange(code, { redirect_uri: `${h.app.url}/other` })).body.error).toBe("invalid_grant");
    const badSecret = await exchange(code, { client_secret: "wrong" });
    expect(badSecret.status).toBe(401);
    expect(badSecret.body.error).toBe("invalid_client");
    expect((await exchange(code, { grant_type: "client_credentials" })).body.error).toBe("unsupported_grant_type");
    expect((await exchange("nonexistent")).body.error).toBe("invalid_grant");

    await h.control.configureEcwid({ codeLifetimeSeconds: 0.05 });
    const stale = (await consent({ scope: "read_catalog" })).searchParams.get("code")!;
    await new Promise((r) => setTimeout(r, 80));
    const expired = await exchange(stale);
    expect(expired.status).toBe(400);
    expect(expired.body.error_description).toMatch(/expired/);
  });

  it("re-installing the same store issues new tokens", async () => {
    const a = await exchange((await consent({ scope: "read_catalog" })).searchParams.get("code")!);
    const b = await exchange((await consent({ scope: "read_catalog" })).searchParams.get("code")!);
    expect(a.body.access_token).not.toBe(b.body.access_token);
    expect(b.status).toBe(200);
  });

  it("counts token requests per client", async () => {
    await h.control.resetCounters();
    await exchange("nope");
    await exchange("nope2");
    const c = await h.control.counters();
    expect(c.tokenRequests[CLIENT_ID]).toBe(2);
    expect(c.requests["ecwid-my POST /api/oauth/token"]).toBe(2);
  });
});
