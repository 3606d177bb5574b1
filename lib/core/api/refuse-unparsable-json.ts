import { AppError } from "@/lib/core/errors";
import { readLimitedBody } from "./read-limited-body";

/** Inngest step calls carry the run's step state; generous, but not unbounded. */
export const INNGEST_MAX_BODY_BYTES = 16 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const refuse = (status: number, code: string, message: string) =>
  Response.json({ error: message, code }, { status });

/**
 * The body as text when it is empty or valid UTF-8 JSON; otherwise a 400 AppError
 * (`invalid_utf8` / `bad_json`). Shared by the Next.js route and the functions worker's handler.
 */
export function jsonBodyText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new AppError(400, "invalid_utf8", "The request body is not valid UTF-8.");
  }
  if (text !== "") {
    try {
      JSON.parse(text);
    } catch {
      throw new AppError(400, "bad_json", "The request body is not valid JSON.");
    }
  }
  return text;
}

/**
 * Wraps a handler that JSON-parses POST/PUT bodies itself without catching the error — the
 * Inngest SDK's serve handler turns `{`, `   ` or invalid UTF-8 into an unhandled exception, a
 * 500 before it even checks the signature. The body is read here under a size limit (413) and
 * refused with 400 unless it is empty or valid UTF-8 JSON; otherwise the handler gets it as sent.
 */
export function refuseUnparsableJson<R extends Request, C>(
  handler: (request: R, context: C) => Promise<Response>,
  maxBytes = INNGEST_MAX_BODY_BYTES,
) {
  return async (request: R, context: C): Promise<Response> => {
    if (request.method !== "POST" && request.method !== "PUT") return handler(request, context);
    let text: string;
    try {
      text = jsonBodyText(await readLimitedBody(request, maxBytes));
    } catch (err) {
      if (err instanceof AppError) return refuse(err.status, err.code, err.message);
      throw err;
    }
    // The original's body is spent; the SDK reads only url, method, headers and text().
    const again = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: text === "" ? null : text,
    });
    return handler(again as R, context);
  };
}
