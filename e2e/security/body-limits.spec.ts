import { request as httpRequest, type IncomingMessage } from "node:http";
import { expect, test } from "@playwright/test";
import { testEnv } from "../support/test-env";

// F11: /api/ecwid/webhooks and /api/ecwid/embedded-session (no session needed) read a 30 MB body in full
// before looking at it. Bodies are capped at 64 KB while streaming: the answer (413 problem+json) comes as
// soon as the cap is passed, before the client has finished sending, and at once for a too-large
// Content-Length.

const ROUTES = ["/api/ecwid/webhooks", "/api/ecwid/embedded-session"];
const CAP = 64 * 1024;
const headersFor = (path: string) => ({
  "content-type": "application/json",
  ...(path.endsWith("webhooks") && { "x-ecwid-webhook-signature": "c2lnbmF0dXJl" }),
});

type Answer = { status: number; contentType: string; body: string };

/** Sends the head and `bytes` of body, never ends the request, and waits (up to 5 s) for the server's answer. */
function answerBeforeBodyEnds(path: string, opts: { contentLength?: number; bytes: number }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, testEnv.appUrl);
    const req = httpRequest(url, {
      method: "POST",
      headers: {
        ...headersFor(path),
        ...(opts.contentLength !== undefined
          ? { "content-length": String(opts.contentLength) }
          : { "transfer-encoding": "chunked" }),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer from ${path} within 5 s while the body was still being sent`));
    }, 5_000);
    req.on("response", (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        clearTimeout(timer);
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers["content-type"] ?? ""),
          body: Buffer.concat(chunks).toString("utf8"),
        });
      });
    });
    req.on("error", (error) => {
      // The server may close the socket after answering; an error before any answer is a failure.
      if (!req.destroyed) reject(error);
    });
    let sent = 0;
    const chunk = Buffer.alloc(16 * 1024, "a");
    const pump = () => {
      while (sent < opts.bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
    };
    req.write("{");
    sent = 1;
    pump();
  });
}

function expectProblem413(answer: Answer) {
  expect(answer.status).toBe(413);
  expect(answer.contentType).toContain("application/problem+json");
  const problem = JSON.parse(answer.body) as Record<string, unknown>;
  expect(problem).toMatchObject({
    status: 413,
    code: "payload_too_large",
    type: "https://storelink.dev/problems/payload-too-large",
  });
}

test.describe("unauthenticated endpoints cap request bodies @security", () => {
  for (const path of ROUTES) {
    test(`${path}: a 30 MB body is refused with 413 problem+json`, async ({ request }) => {
      const response = await request.post(path, { headers: headersFor(path), data: Buffer.alloc(30 * 1024 * 1024, "a") });
      expectProblem413({
        status: response.status(),
        contentType: response.headers()["content-type"] ?? "",
        body: await response.text(),
      });
    });

    test(`${path}: a too-large Content-Length is refused before the body arrives`, async () => {
      expectProblem413(await answerBeforeBodyEnds(path, { contentLength: 30 * 1024 * 1024, bytes: 1024 }));
    });

    test(`${path}: a streamed body is cut off as soon as it passes 64 KB`, async () => {
      expectProblem413(await answerBeforeBodyEnds(path, { bytes: 2 * CAP }));
    });

    test(`${path}: a body under the cap is still read`, async ({ request }) => {
      const response = await request.post(path, { headers: headersFor(path), data: "{}" });
      expect(response.status()).not.toBe(413);
      expect(response.status()).toBeLessThan(500);
    });
  }
});
