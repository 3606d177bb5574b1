import type { IncomingMessage } from "node:http";
import { AppError } from "@/lib/core/errors";

export const tooLarge = (maxBytes: number) =>
  new AppError(
    413,
    "too_large",
    `The request body is larger than the limit of ${maxBytes} bytes.`,
    "body",
  );

/**
 * The request body as bytes, refused with 413 as soon as it passes `maxBytes`: a declared
 * Content-Length over the limit is refused before reading, and the stream is counted while it is
 * read and cancelled at the limit, so a huge or endless body never sits in memory.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * The same for a node:http request (the executor's API, the functions worker): the body as bytes,
 * refused with the 413 AppError as soon as it passes `maxBytes`, declared or counted; the request
 * is destroyed at the limit.
 */
export function readLimitedNodeBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.destroy();
        reject(tooLarge(maxBytes));
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}
