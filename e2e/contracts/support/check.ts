// HTTP and shape helpers for the rows. `conform` checks an answer against a zod schema of what the real platform
// sends and fails with every mismatch spelled out (field path, what the platform documents, what came back), so a
// red row reads as a sentence a QA engineer can act on.
import type { z } from "zod";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface CallInit {
  method?: string;
  token?: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  body?: string;
  /** Answer a 429 as is instead of backing off and retrying (the rate-limit rows). */
  raw429?: boolean;
}

/**
 * One request. A 429 is the suite's own pace tripping the store's limit (Elastic Path development stores allow 25
 * requests a second), not the row's subject: it is retried after Retry-After, or a jittered second when there is
 * none, up to three times; the rate-limit rows pass `raw429` to see it.
 */
export async function call(url: string, init: CallInit = {}): Promise<Answer> {
  for (let attempt = 1; ; attempt++) {
    const a = await callOnce(url, init);
    if (a.status !== 429 || init.raw429 || attempt > 3) return a;
    const retryAfter = Number(a.headers.get("retry-after"));
    await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 5) * 1000 : 1000 + Math.random() * 500);
  }
}

async function callOnce(url: string, init: CallInit): Promise<Answer> {
  const headers: Record<string, string> = { accept: "application/json", ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined = init.body;
  if (init.json !== undefined) {
    headers["content-type"] ??= "application/json";
    body = JSON.stringify(init.json);
  }
  if (init.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(init.form).toString();
  }
  const res = await fetch(url, {
    method: init.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    redirect: "manual",
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: rows that need JSON say so through their schema */
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Fails unless `value` matches `schema`, listing each difference from the documented shape. */
export function conform<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `  - ${i.path.length ? i.path.join(".") : "(body)"}: ${i.message}`);
  const shown = JSON.stringify(value)?.slice(0, 600) ?? String(value);
  throw new Error(`${what} does not have the shape the real platform uses:\n${lines.join("\n")}\nanswer: ${shown}`);
}

/** Fails when `status` is not one of `expected`, quoting the body. */
export function expectStatus(a: Answer, expected: number | number[], what: string): void {
  const ok = Array.isArray(expected) ? expected : [expected];
  if (!ok.includes(a.status))
    throw new Error(
      `${what}: the real platform answers ${ok.join(" or ")}, this target answered ${a.status}: ${a.text.slice(0, 400)}`,
    );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 8_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}
