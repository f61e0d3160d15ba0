import { describe, expect, it, vi } from "vitest";
import { bodyTooLargeResponse } from "@/lib/api/problem-response";
import { BodyTooLargeError, LINGER_BYTES, readCappedBody, readCappedText } from "./read-capped-body";

/** A request whose body is a stream of `chunks` chunks of `size` bytes; counts the chunks actually pulled. */
function streamed(chunks: number, size: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
    cancel() {
      cancelled = true;
    },
  });
  const request = new Request("http://storelink.test/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled, cancelled: () => cancelled };
}

describe("readCappedBody", () => {
  it("returns a body under the cap whole", async () => {
    expect(await readCappedText(new Request("http://storelink.test/api", { method: "POST", body: '{"a":1}' }), 64)).toBe(
      '{"a":1}',
    );
    const { request } = streamed(4, 16);
    expect((await readCappedBody(request, 64)).byteLength).toBe(64);
  });

  it("refuses as soon as the cap is passed, and afterwards only drops a bounded amount before stopping the stream", async () => {
    const { request, pulled, cancelled } = streamed(8 * 1024, 16 * 1024); // 128 MB on offer
    await expect(readCappedBody(request, 64 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    await vi.waitFor(() => expect(cancelled()).toBe(true), { timeout: 15_000 });
    expect(pulled() * 16 * 1024).toBeLessThanOrEqual(64 * 1024 + LINGER_BYTES + 2 * 16 * 1024);
    expect(pulled()).toBeLessThan(8 * 1024);
  });

  it("refuses a too-large Content-Length before keeping anything", async () => {
    const { request, pulled } = streamed(10, 16, { "content-length": String(30 * 1024 * 1024) });
    const started = performance.now();
    await expect(readCappedBody(request, 64 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(performance.now() - started).toBeLessThan(50);
    expect(pulled()).toBeLessThanOrEqual(10);
  });

  it("answers a never-ending body that passed the cap at once", async () => {
    const endless = new ReadableStream<Uint8Array>({ pull: (c) => c.enqueue(new Uint8Array(16 * 1024)) });
    const request = new Request("http://storelink.test/api", { method: "POST", body: endless, duplex: "half" } as RequestInit);
    await expect(readCappedBody(request, 64 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("does not trust a small Content-Length: the streamed bytes are counted", async () => {
    const { request } = streamed(10, 1024, { "content-length": "10" });
    await expect(readCappedBody(request, 4096)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("reads an empty body as empty", async () => {
    expect((await readCappedBody(new Request("http://storelink.test/api", { method: "POST" }), 10)).byteLength).toBe(0);
  });

  it("answers 413 problem+json", async () => {
    const response = bodyTooLargeResponse(new BodyTooLargeError(65536));
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      status: 413,
      code: "payload_too_large",
      type: "https://storelink.dev/problems/payload-too-large",
    });
  });
});
