// Generic OAuth2 provider rows of e2e/simulators/CONFORMANCE.md. The provider stands in for the refresh-token
// platforms (eBay, Mercado Libre, TikTok Shop); its token endpoint follows RFC 6749 / RFC 6750 (the real source),
// its resource paging is the contract Storelink's adapter defines (an assumption, marked so in CONFORMANCE.md).
import { z } from "zod";
import { call, conform, expectStatus, type Answer } from "./support/check";
import { expect, need, test, type OAuth2Target } from "./support/fixtures";

const NO_REAL = "the generic OAuth2 provider is a stand-in with no real host: these rows run against the sandbox";

const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1),
  scope: z.string().optional(),
});
const OAuthError = (error: string) => z.object({ error: z.literal(error), error_description: z.string().optional() });

const tokenCall = (o: OAuth2Target, form: Record<string, string>, basic = true): Promise<Answer> =>
  call(`${o.url}/oauth/token`, {
    form,
    ...(basic
      ? {
          headers: {
            authorization: `Basic ${Buffer.from(`${encodeURIComponent(o.clientId)}:${encodeURIComponent(o.clientSecret)}`).toString("base64")}`,
          },
        }
      : {}),
  });
const exchange = async (o: OAuth2Target, code: string) =>
  tokenCall(o, { grant_type: "authorization_code", code, redirect_uri: o.redirectUri });

test.describe("OAuth2 provider @oauth2", () => {
  test("OAUTH2-01 an authorization_code exchange answers access_token, token_type bearer, expires_in and refresh_token (RFC 6749 §5.1)", async ({
    oauth2,
  }) => {
    const o = need(oauth2, NO_REAL);
    const a = await exchange(o, await o.code());
    expectStatus(a, 200, "POST /oauth/token (authorization_code)");
    conform(TokenResponse, a.json, "the token response");
    expect(a.headers.get("cache-control"), "token responses are not cached (RFC 6749 §5.1)").toMatch(/no-store/);
  });

  test("OAUTH2-02 a code is single-use: the second exchange is 400 invalid_grant (RFC 6749 §4.1.2, §5.2)", async ({ oauth2 }) => {
    const o = need(oauth2, NO_REAL);
    const code = await o.code();
    expectStatus(await exchange(o, code), 200, "the first exchange");
    const again = await exchange(o, code);
    expectStatus(again, 400, "the second exchange of the code");
    conform(OAuthError("invalid_grant"), again.json, "the error");
  });

  test("OAUTH2-03 wrong client credentials are 401 invalid_client with WWW-Authenticate (RFC 6749 §5.2)", async ({ oauth2 }) => {
    const o = need(oauth2, NO_REAL);
    const a = await tokenCall(
      { ...o, clientSecret: `${o.clientSecret}-wrong` },
      { grant_type: "authorization_code", code: "x", redirect_uri: o.redirectUri },
    );
    expectStatus(a, 401, "POST /oauth/token with a wrong client secret (HTTP Basic)");
    conform(OAuthError("invalid_client"), a.json, "the error");
    expect(a.headers.get("www-authenticate") ?? "", "WWW-Authenticate names the Basic scheme").toMatch(/^Basic/i);
  });

  test("OAUTH2-04 an unknown grant_type is 400 unsupported_grant_type (RFC 6749 §5.2)", async ({ oauth2 }) => {
    const o = need(oauth2, NO_REAL);
    const a = await tokenCall(o, { grant_type: "password", username: "x", password: "y" });
    expectStatus(a, 400, "POST /oauth/token grant_type=password");
    conform(OAuthError("unsupported_grant_type"), a.json, "the error");
  });

  test("OAUTH2-05 a refresh rotates the refresh token: the new pair works, the old refresh token is then invalid_grant (RFC 6749 §6, OAuth 2.0 Security BCP §4.14)", async ({
    oauth2,
  }) => {
    const o = need(oauth2, NO_REAL);
    const first = conform(TokenResponse, (await exchange(o, await o.code())).json, "the first token response");
    const refreshed = await tokenCall(o, { grant_type: "refresh_token", refresh_token: first.refresh_token });
    expectStatus(refreshed, 200, "POST /oauth/token (refresh_token)");
    const next = conform(TokenResponse, refreshed.json, "the refreshed token response");
    expect(next.refresh_token, "a new refresh token").not.toBe(first.refresh_token);
    expectStatus(await call(`${o.url}/api/shop`, { token: next.access_token }), 200, "GET /api/shop with the new access token");
    const reuse = await tokenCall(o, { grant_type: "refresh_token", refresh_token: first.refresh_token });
    expectStatus(reuse, 400, "the rotated-out refresh token");
    conform(OAuthError("invalid_grant"), reuse.json, "the error");
  });

  test("OAUTH2-06 an expired or unknown access token is 401 invalid_token with a Bearer WWW-Authenticate challenge (RFC 6750 §3.1)", async ({
    oauth2,
    control,
  }) => {
    const o = need(oauth2, NO_REAL);
    const unknown = await call(`${o.url}/api/shop`, { token: "at_storelink-contract-unknown" });
    expectStatus(unknown, 401, "GET /api/shop with an unknown token");
    expect(unknown.headers.get("www-authenticate") ?? "", "the challenge").toMatch(/^Bearer .*error="invalid_token"/i);
    const t = conform(TokenResponse, (await exchange(o, await o.code())).json, "a token response");
    await control!.expireOAuth2({ tokens: "access", token: t.access_token });
    const expired = await call(`${o.url}/api/shop`, { token: t.access_token });
    expectStatus(expired, 401, "GET /api/shop with an expired token");
    conform(OAuthError("invalid_token"), expired.json, "the error");
  });

  test("OAUTH2-07 a denied consent redirects with error=access_denied and the state (RFC 6749 §4.1.2.1)", async ({ oauth2 }) => {
    const o = need(oauth2, NO_REAL);
    const res = await fetch(`${o.url}/oauth/authorize`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: o.clientId,
        redirect_uri: o.redirectUri,
        scope: "read",
        state: "contract-deny",
        shop_id: "shop-lisbon-vintage",
        decision: "deny",
      }),
    });
    expect(res.status, "a redirect back to the client").toBe(302);
    const back = new URL(res.headers.get("location") ?? "http://x.invalid");
    expect(`${back.origin}${back.pathname}`).toBe(o.redirectUri);
    expect(Object.fromEntries(back.searchParams)).toEqual({ error: "access_denied", state: "contract-deny" });
  });

  test("OAUTH2-08 resources page with limit (1–100) and offset, answer total and next_offset (null on the last page) in (updatedAt, id) order, and filter by updated_since", async ({
    oauth2,
  }) => {
    const o = need(oauth2, NO_REAL);
    const { access_token } = conform(TokenResponse, (await exchange(o, await o.code())).json, "a token response");
    const Page = z.object({
      data: z.array(z.object({ id: z.string(), updatedAt: z.string() })),
      total: z.number().int(),
      next_offset: z.number().int().nullable(),
    });
    const get = async (q: string) =>
      conform(Page, (await call(`${o.url}/api/products?${q}`, { token: access_token })).json, `GET /api/products?${q}`);
    const first = await get("limit=2&offset=0");
    expect(first.data.length).toBe(Math.min(2, first.total));
    expect(first.next_offset, "next_offset after a full first page").toBe(first.total > 2 ? 2 : null);
    const all: { id: string; updatedAt: string }[] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const p = await get(`limit=2&offset=${offset}`);
      all.push(...p.data);
      offset = p.next_offset;
    }
    expect(all.length, "paging with next_offset reaches every record once").toBe(first.total);
    const sorted = [...all].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
    expect(
      all.map((r) => r.id),
      "(updatedAt, id) order",
    ).toEqual(sorted.map((r) => r.id));
    expect((await get("limit=500")).data.length, "limit is capped at 100").toBeLessThanOrEqual(100);
    const pivot = sorted[Math.floor(sorted.length / 2)]!;
    const since = await get(`limit=100&updated_since=${encodeURIComponent(pivot.updatedAt)}`);
    expect(
      since.data.every((r) => Date.parse(r.updatedAt) >= Date.parse(pivot.updatedAt)),
      "updated_since keeps records updated at or after it",
    ).toBe(true);
    expect(since.total).toBe(all.filter((r) => Date.parse(r.updatedAt) >= Date.parse(pivot.updatedAt)).length);
  });

  test("OAUTH2-09 the token response says how long the refresh token lives (refresh_token_expires_in); an expired refresh token is 400 invalid_grant", async ({
    oauth2,
    control,
  }) => {
    const o = need(oauth2, NO_REAL);
    const first = conform(
      TokenResponse.extend({ refresh_token_expires_in: z.number().int().positive() }),
      (await exchange(o, await o.code())).json,
      "the token response",
    );
    await control!.expireOAuth2({ tokens: "refresh", token: first.refresh_token });
    const a = await tokenCall(o, { grant_type: "refresh_token", refresh_token: first.refresh_token });
    expectStatus(a, 400, "POST /oauth/token with an expired refresh token");
    conform(OAuthError("invalid_grant"), a.json, "the error");
  });
});
