import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { form, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.reset());

const CLIENT = { client_id: "oauth2-sandbox", client_secret: "oauth2-sandbox-secret" };
const redirectUri = () => `${h.app.url}/api/connections/oauth2/callback`;

async function authorize(decision: "approve" | "deny", state?: string): Promise<URL> {
  const u = new URL("/oauth/authorize", h.sandbox.urls.oauth2);
  u.searchParams.set("client_id", CLIENT.client_id);
  u.searchParams.set("redirect_uri", redirectUri());
  u.searchParams.set("response_type", "code");
  u.searchParams.set("scope", "orders.read products.read");
  if (state) u.searchParams.set("state", state);
  const page = await fetch(u);
  const text = await page.text();
  expect(page.status).toBe(200);
  expect(text).toContain("Lisbon Vintage Market");
  expect(text).toContain(">Approve</button>");
  const res = await fetch(new URL("/oauth/authorize", h.sandbox.urls.oauth2), {
    ...form({
      client_id: CLIENT.client_id,
      redirect_uri: redirectUri(),
      scope: "orders.read products.read",
      ...(state ? { state } : {}),
      shop_id: "shop-kyoto-tea",
      decision,
    }),
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!);
}

async function tokenCall(body: Record<string, string>, basic = false) {
  const init = form(basic ? body : { ...CLIENT, ...body });
  if (basic)
    (init.headers as Record<string, string>).authorization =
      `Basic ${Buffer.from(`${CLIENT.client_id}:${CLIENT.client_secret}`).toString("base64")}`;
  const res = await fetch(`${h.sandbox.urls.oauth2}/oauth/token`, init);
  return { status: res.status, body: (await res.json()) as any };
}

const shop = (tok: string) => fetch(`${h.sandbox.urls.oauth2}/api/shop`, { headers: { authorization: `Bearer ${tok}` } });

describe("generic OAuth2 provider", () => {
  it("authorization code flow with state, Basic client auth, resource API", async () => {
    const loc = await authorize("approve", "st-1");
    expect(loc.searchParams.get("state")).toBe("st-1");
    const t = await tokenCall(
      { grant_type: "authorization_code", code: loc.searchParams.get("code")!, redirect_uri: redirectUri() },
      true,
    );
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      refresh_token_expires_in: 182 * 24 * 3600,
      scope: "orders.read products.read",
    });
    expect(t.body.refresh_token).toBeTruthy();
    const s = await shop(t.body.access_token);
    expect(await s.json()).toEqual({ id: "shop-kyoto-tea", name: "Kyoto Tea House" });
    const products = await fetch(`${h.sandbox.urls.oauth2}/api/products`, {
      headers: { authorization: `Bearer ${t.body.access_token}` },
    });
    expect(((await products.json()) as any).total).toBe(2);
    // Codes are single use.
    const again = await tokenCall({
      grant_type: "authorization_code",
      code: loc.searchParams.get("code")!,
      redirect_uri: redirectUri(),
    });
    expect(again).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("deny redirects with access_denied", async () => {
    const loc = await authorize("deny", "st-2");
    expect(loc.searchParams.get("error")).toBe("access_denied");
    expect(loc.searchParams.get("state")).toBe("st-2");
  });

  it("invalid_client is 401, bad code is invalid_grant", async () => {
    const bad = await fetch(
      `${h.sandbox.urls.oauth2}/oauth/token`,
      form({ client_id: CLIENT.client_id, client_secret: "x", grant_type: "authorization_code", code: "c" }),
    );
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as any).error).toBe("invalid_client");
    expect((await tokenCall({ grant_type: "authorization_code", code: "nope", redirect_uri: redirectUri() })).body.error).toBe(
      "invalid_grant",
    );
    expect((await tokenCall({ grant_type: "client_credentials" })).body.error).toBe("unsupported_grant_type");
  });

  it("rotates refresh tokens; reusing a rotated one is invalid_grant", async () => {
    const g = await h.control.createOAuth2Grant();
    const r1 = await tokenCall({ grant_type: "refresh_token", refresh_token: g.refresh_token! });
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).not.toBe(g.refresh_token);
    const reuse = await tokenCall({ grant_type: "refresh_token", refresh_token: g.refresh_token! });
    expect(reuse).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const r2 = await tokenCall({ grant_type: "refresh_token", refresh_token: r1.body.refresh_token });
    expect(r2.status).toBe(200);
  });

  it("expires access tokens (401 invalid_token) and refresh tokens (invalid_grant)", async () => {
    await h.control.configureOAuth2({ accessTokenLifetimeSeconds: 1 });
    const g = await h.control.createOAuth2Grant();
    expect(g.expires_in).toBe(1);
    expect((await shop(g.access_token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1050));
    const expired = await shop(g.access_token);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as any).error).toBe("invalid_token");
    expect(expired.headers.get("www-authenticate")).toMatch(/invalid_token/);
    // Refresh still works; then expire refresh tokens via the control API.
    const r = await tokenCall({ grant_type: "refresh_token", refresh_token: g.refresh_token! });
    expect(r.status).toBe(200);
    await h.control.expireOAuth2({ tokens: "refresh" });
    const dead = await tokenCall({ grant_type: "refresh_token", refresh_token: r.body.refresh_token });
    expect(dead.body).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/expired/) });
  });

  it("expire access now via control", async () => {
    const g = await h.control.createOAuth2Grant();
    await h.control.expireOAuth2({ tokens: "access" });
    expect((await shop(g.access_token)).status).toBe(401);
  });

  it("can omit refresh_token and expires_in from refresh responses", async () => {
    const g = await h.control.createOAuth2Grant();
    await h.control.configureOAuth2({ omitRefreshToken: true, omitExpiresIn: true });
    const r = await tokenCall({ grant_type: "refresh_token", refresh_token: g.refresh_token! });
    expect(r.status).toBe(200);
    expect(r.body).not.toHaveProperty("refresh_token");
    expect(r.body).not.toHaveProperty("expires_in");
    // Without a new refresh token the old one must keep working.
    expect((await tokenCall({ grant_type: "refresh_token", refresh_token: g.refresh_token! })).status).toBe(200);
  });
});
