// Request bodies of endpoints anyone can call are read with a cap while they stream in: a too-large
// Content-Length is refused before any byte is kept, and a streamed body is refused the moment it passes
// the cap, so the route answers at once and a 30 MB body never sits in memory. Routes using this must
// skip the proxy (proxy.ts's matcher): Next waits for a proxied request's whole body before the route runs.
//
// After refusing, the rest of the body is read and dropped in the background (at most LINGER_BYTES, for at
// most LINGER_MS) before the stream is cancelled, as servers do on a 413 (nginx's lingering close):
// closing a socket with unread data makes the kernel send a reset, which destroys the 413 on its way to a
// client that is still sending (Node's HTTP client then reports EPIPE instead of the answer). Nothing read
// after the cap is kept, so memory stays at the cap; the route has already answered.

/** Bytes of a refused body that may still be read and dropped, so a client still sending gets the 413. */
export const LINGER_BYTES = 64 * 1024 * 1024;
const LINGER_MS = 10_000;

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${maxBytes} bytes.`);
  }
}

/** Reads and drops what follows a refused body, bounded in bytes and time, then cancels the stream. */
function dropTheRest(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  const stop = () => void reader.cancel().catch(() => {});
  const timer = setTimeout(stop, LINGER_MS);
  timer.unref?.();
  void (async () => {
    let dropped = 0;
    try {
      while (dropped < LINGER_BYTES) {
        const { done, value } = await reader.read();
        if (done) break;
        dropped += value.byteLength;
      }
    } catch {
      // the client went away: nothing left to drop
    } finally {
      clearTimeout(timer);
      stop();
    }
  })();
}

/** The body's bytes, or BodyTooLargeError once more than maxBytes arrive (or are announced). */
export async function readCappedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    if (request.body) dropTheRest(request.body.getReader());
    throw new BodyTooLargeError(maxBytes);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      dropTheRest(reader);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The body as UTF-8 text, capped like readCappedBody. */
export async function readCappedText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readCappedBody(request, maxBytes));
}
