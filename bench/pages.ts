// Page-level figures for `npm run bench` (issue 7), measured against the harness's app:
// - the stores page at 100,000 connections: server time (request → last byte, loopback) per filter;
// - the Control Panel page: from the iframe's request to the bridge's `ready` message in the host;
// - first-load JS of the dashboard and of the Control Panel page: every script the browser fetched from
//   Storelink for that first view, gzip-compressed (level 9, as a CDN would serve it).
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { percentile, round } from "./lib/stats";

export type Timing = { p50: number; p95: number; runs: number };

/** Server time of `path` for a signed-in admin (cookies from the browser context), `runs` times after a warm-up. */
export async function serverTime(appUrl: string, context: BrowserContext, path: string, runs: number): Promise<Timing> {
  const cookie = (await context.cookies(appUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
  const once = async () => {
    const t = performance.now();
    const res = await fetch(`${appUrl}${path}`, { headers: { cookie }, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return performance.now() - t;
  };
  await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), runs };
}

/** Gzip KB of the scripts Storelink served while `open` ran (all frames), counted once per URL. */
export async function firstLoadJsKb(
  page: Page,
  appUrl: string,
  open: () => Promise<void>,
): Promise<{ kb: number; files: number }> {
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const onResponse = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() !== "script" || !response.url().startsWith(appUrl)) return;
    pending.push(
      response.body().then(
        (body) => void sizes.set(response.url(), gzipSync(body, { level: 9 }).length),
        () => undefined,
      ),
    );
  };
  page.on("response", onResponse);
  try {
    await open();
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
  } finally {
    page.off("response", onResponse);
  }
  const bytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  return { kb: round(bytes / 1024), files: sizes.size };
}

/**
 * Milliseconds from the app iframe's request start to the `ready` bridge message reaching the Control
 * Panel host (server render, scripts, hydration, the bridge's first message), over `runs` fresh loads.
 */
export async function controlPanelReady(browser: Browser, hostUrl: string, runs: number): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      if (window.top !== window) return;
      const w = window as unknown as { __readyAt?: number };
      window.addEventListener("message", (e) => {
        try {
          const msg = typeof e.data === "string" ? JSON.parse(e.data) : e.data;
          if (msg?.method === "ready" && w.__readyAt === undefined) w.__readyAt = performance.now();
        } catch {
          // not a bridge message
        }
      });
    });
    await page.goto(hostUrl);
    await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, undefined, {
      timeout: 30_000,
    });
    const ms = await page.evaluate(() => {
      const frame = document.querySelector("iframe");
      const entry = performance.getEntriesByType("resource").find((e) => e.name === frame?.src);
      return entry ? (window as unknown as { __readyAt: number }).__readyAt - entry.startTime : null;
    });
    if (ms === null) throw new Error("no resource timing for the app iframe: cannot time the Control Panel page");
    if (i > 0) times.push(ms); // the first load warms the server's route
    await context.close();
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), runs };
}
