import { describe, expect, it } from "vitest";
import type { UpstreamInit, UpstreamSend } from "@/lib/platforms/http";
import { PlatformError } from "@/lib/platforms/types";
import { ecwidFetch } from "./transport";

const BASE = "https://ecwid.test";

function fake(status: number, body: string, headers: Record<string, string> = {}) {
  const calls: { url: string; init: UpstreamInit }[] = [];
  const impl: UpstreamSend = async (url, init = {}) => {
    calls.push({ url: String(url), init });
    return {
      status,
      header: (name) => headers[name.toLowerCase()] ?? null,
      text: async () => body,
      discard: async () => undefined,
    };
  };
  return { impl, calls };
}

const run = (impl: UpstreamSend) => ecwidFetch({ storeId: 1003, token: "secret_t", path: "/profile", baseUrl: BASE, send: impl });

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
    expect(calls[0]!.init.headers?.authorization).toBe("Bearer secret_t");
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
    const network: UpstreamSend = async () => {
      throw new TypeError("fetch failed secret_t");
    };
    const e = await kindOf(run(network));
    expect(e.kind).toBe("unavailable");
    expect(e.message).not.toContain("secret_t");
    const timeout: UpstreamSend = async (url) => {
      throw new PlatformError("unavailable", `${new URL(String(url)).host} did not answer in time.`);
    };
    expect((await kindOf(run(timeout))).message).toMatch(/in time/);
  });

  describe("429 with Retry-After", () => {
    function sequence(...answers: { status: number; body: string; retryAfter?: string }[]) {
      const calls: UpstreamInit[] = [];
      const impl: UpstreamSend = async (_url, init = {}) => {
        calls.push(init);
        const a = answers[Math.min(calls.length - 1, answers.length - 1)]!;
        return {
          status: a.status,
          header: (n) => (n.toLowerCase() === "retry-after" ? (a.retryAfter ?? null) : null),
          text: async () => a.body,
          discard: async () => undefined,
        };
      };
      return { impl, calls };
    }
    const limited = { status: 429, body: '{"errorCode":"RATE_LIMITED","errorMessage":"blocked"}', retryAfter: "2" };
    const slept: number[] = [];
    const sleep = async (ms: number) => void slept.push(ms);

    it("a read waits out a short Retry-After once, then succeeds", async () => {
      const { impl, calls } = sequence(limited, { status: 200, body: '{"ok":true}' });
      slept.length = 0;
      expect(await ecwidFetch({ storeId: 1003, token: "t", path: "/products", baseUrl: BASE, send: impl }, sleep)).toEqual({
        ok: true,
      });
      expect(calls).toHaveLength(2);
      expect(slept).toEqual([2000]);
    });

    it("a second 429 is passed on with its Retry-After", async () => {
      const { impl, calls } = sequence(limited, limited);
      const e = await kindOf(ecwidFetch({ storeId: 1003, token: "t", path: "/products", baseUrl: BASE, send: impl }, sleep));
      expect(calls).toHaveLength(2);
      expect(e.kind).toBe("rate_limited");
      expect(e.retryAfterSeconds).toBe(2);
    });

    it("writes and long cooldowns are not retried", async () => {
      const write = sequence(limited, { status: 200, body: "{}" });
      await kindOf(
        ecwidFetch(
          { storeId: 1003, token: "t", method: "PUT", path: "/products/1", body: {}, baseUrl: BASE, send: write.impl },
          sleep,
        ),
      );
      expect(write.calls).toHaveLength(1);
      const long = sequence({ ...limited, retryAfter: "60" }, { status: 200, body: "{}" });
      expect(
        (await kindOf(ecwidFetch({ storeId: 1003, token: "t", path: "/products", baseUrl: BASE, send: long.impl }, sleep)))
          .retryAfterSeconds,
      ).toBe(60);
      expect(long.calls).toHaveLength(1);
    });
  });
});
