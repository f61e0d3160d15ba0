import { describe, expect, it } from "vitest";
import { PlatformError } from "@/lib/platforms/types";
import { ecwidFetch } from "./transport";

const BASE = "https://ecwid.test";

function fake(status: number, body: string, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: URL, init: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response(body, { status, headers });
  }) as unknown as typeof fetch;
  return { impl, calls };
}

const run = (impl: typeof fetch) => ecwidFetch({ storeId: 1003, token: "secret_t", path: "/profile", baseUrl: BASE, fetchImpl: impl });

async function kindOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as PlatformError;
  }
  throw new Error("expected a PlatformError");
}

describe("Ecwid transport", () => {
  it("sends the token as a Bearer header, never in the query", async () => {
    const { impl, calls } = fake(200, '{"ok":true}');
    expect(await run(impl)).toEqual({ ok: true });
    expect(calls[0]!.url).toBe(`${BASE}/api/v3/1003/profile`);
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe("Bearer secret_t");
  });

  it("maps 403 INVALID_API_TOKEN to unauthorized", async () => {
    const e = await kindOf(run(fake(403, '{"errorCode":"INVALID_API_TOKEN","errorMessage":"bad"}').impl));
    expect(e.kind).toBe("unauthorized");
    expect(e.upstreamStatus).toBe(403);
  });

  it("maps 403 INSUFFICIENT_APP_SCOPE to forbidden", async () => {
    expect((await kindOf(run(fake(403, '{"errorCode":"INSUFFICIENT_APP_SCOPE"}').impl))).kind).toBe("forbidden");
  });

  it("maps 429 to rate_limited with Retry-After", async () => {
    const e = await kindOf(run(fake(429, '{"errorCode":"RATE_LIMITED"}', { "retry-after": "17" }).impl));
    expect(e.kind).toBe("rate_limited");
    expect(e.retryAfterSeconds).toBe(17);
  });

  it.each([500, 502, 503, 408])("maps %i to unavailable", async (status) => {
    expect((await kindOf(run(fake(status, "oops").impl))).kind).toBe("unavailable");
  });

  it("maps 404 and 400 to not_found and invalid", async () => {
    expect((await kindOf(run(fake(404, '{"errorCode":"PRODUCT_NOT_FOUND"}').impl))).kind).toBe("not_found");
    expect((await kindOf(run(fake(400, '{"errorCode":"WRONG_PARAMETER"}').impl))).kind).toBe("invalid");
  });

  it("maps network failures and timeouts to unavailable without leaking the token", async () => {
    const network = (async () => {
      throw new TypeError("fetch failed secret_t");
    }) as unknown as typeof fetch;
    const e = await kindOf(run(network));
    expect(e.kind).toBe("unavailable");
    expect(e.message).not.toContain("secret_t");
    const timeout = (async () => {
      throw Object.assign(new Error("t"), { name: "TimeoutError" });
    }) as unknown as typeof fetch;
    expect((await kindOf(run(timeout))).message).toMatch(/in time/);
  });
});
