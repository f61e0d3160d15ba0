// Rate-limit rows of e2e/simulators/CONFORMANCE.md. They run last (files run in name order): against a real store
// they wait for a fresh minute, throttle the token, then wait the throttle out (about two minutes), so they are
// opt-in there (CONTRACT_ALLOW_RATE_LIMIT=yes).
import { call, sleep, type Answer } from "./support/check";
import { expect, need, needRateLimitRun, test } from "./support/fixtures";
import { ecwidApi as api, epBearer as bearer, expectEcwidError, expectEpError, NO_ECWID, NO_EP } from "./support/platforms";

test.describe("Rate limits @ecwid @elasticpath", () => {
  test("ECWID-RATE-01 a token is allowed 600 requests a minute, then 429 RATE_LIMITED with Retry-After in seconds", async ({
    ecwid,
    target,
  }) => {
    const e = need(ecwid, NO_ECWID);
    needRateLimitRun(target);
    test.setTimeout(180_000);
    const token = await e.throwawayToken();
    // A real store's token is the one the other rows used: start on a minute of its own, so all 600 are this row's.
    if (target === "real") await sleep(61_000);
    let ok = 0;
    let limited: Answer | undefined;
    for (let sent = 0; sent < 660 && !limited; sent += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => call(api(e, "/profile"), { token, raw429: true })));
      ok += batch.filter((a) => a.status === 200).length;
      limited = batch.find((a) => a.status === 429);
    }
    try {
      expect(limited, "no 429 within 660 requests in a minute").toBeDefined();
      expect(ok, "requests answered in the minute before the first 429 (Ecwid allows 600 a minute)").toBeGreaterThanOrEqual(600);
      expectEcwidError(limited!, 429, "RATE_LIMITED", "the request over the limit");
      expect(limited!.headers.get("retry-after") ?? "(none)", "Retry-After is a number of seconds").toMatch(/^\d+$/);
    } finally {
      // Leave a real token usable for the rows after this one: wait out the Retry-After it was given.
      const wait = Number(limited?.headers.get("retry-after") ?? 0);
      if (target === "real" && wait > 0) await sleep(Math.min(wait, 65) * 1000 + 500);
    }
  });

  test("EP-RATE-01 over the per-second limit the answer is 429 with the error body and no Retry-After", async ({
    elasticpath,
    target,
  }) => {
    const ep = need(elasticpath, NO_EP);
    needRateLimitRun(target);
    const t = await bearer(ep, "implicit");
    const burst = await Promise.all(
      Array.from({ length: 120 }, () => call(`${ep.baseUrl}/catalog/products?page[limit]=1`, { token: t, raw429: true })),
    );
    await sleep(1_100); // let the window pass before the next row
    const limited = burst.find((a) => a.status === 429);
    expect(limited, "a 429 within 120 simultaneous requests (limits are 25–100 per second)").toBeDefined();
    expectEpError(limited!, 429, "the request over the limit");
    expect(limited!.headers.get("retry-after"), "Elastic Path documents no Retry-After header").toBeNull();
  });
});
