import { AppError } from "@/lib/core/errors";
import { parseStrictJson } from "./rules/parse-strict-json";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * A JSON request body from its bytes: the content type must be JSON (415 otherwise), the bytes
 * valid UTF-8 (400 `invalid_utf8`; replacing them silently would store text the caller never
 * sent), and the text strict JSON (400 naming the field: syntax, depth, duplicated keys, NUL,
 * control characters, lone surrogates — see parseStrictJson).
 */
export function parseJsonBody(bytes: Uint8Array, contentType: string | null): unknown {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type))
    throw new AppError(
      415,
      "unsupported_media_type",
      "Send the body as JSON with 'Content-Type: application/json'.",
      "content-type",
    );
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new AppError(400, "invalid_utf8", "The request body is not valid UTF-8.", "body");
  }
  const parsed = parseStrictJson(text);
  if (!parsed.ok) throw new AppError(400, parsed.code, parsed.message, parsed.field || "body");
  return parsed.value;
}
