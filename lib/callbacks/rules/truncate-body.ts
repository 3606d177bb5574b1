export type TruncateBodyOptions = {
  /** Most bytes of UTF-8 kept. Default 4096. */
  maxBytes?: number;
};

/** A body cut for logs. */
export type TruncatedBody = {
  /** The kept text; never ends in half a character. */
  text: string;
  /** Whether anything was cut. */
  truncated: boolean;
  /** Size of the original in bytes. */
  bytes: number;
};

/**
 * Cut a body to at most `maxBytes` of UTF-8 without splitting a character (a Chinese
 * character is 3 bytes, an emoji 4). Bytes that were not valid UTF-8 become U+FFFD.
 */
export function truncateBody(
  body: string | Uint8Array,
  options: TruncateBodyOptions = {},
): TruncatedBody {
  const { maxBytes = 4096 } = options;
  const bytes =
    typeof body === "string"
      ? Buffer.from(body, "utf8")
      : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (bytes.length <= maxBytes)
    return { text: bytes.toString("utf8"), truncated: false, bytes: bytes.length };
  let end = Math.max(0, maxBytes);
  // The first byte left out is a continuation byte (10xxxxxx): the character straddles the cut.
  for (let i = 0; i < 3 && end > 0 && (bytes[end] & 0xc0) === 0x80; i++) end--;
  return { text: bytes.subarray(0, end).toString("utf8"), truncated: true, bytes: bytes.length };
}
