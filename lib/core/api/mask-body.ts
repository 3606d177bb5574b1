const SECRET_FIELD =
  /"([^"]*(?:secret|password|token|signature|authorization)[^"]*)"\s*:\s*"[^"]*"/gi;

/** Masks the values of secret-looking JSON fields in a logged body. */
export function maskBody(body: string): string {
  return body.replace(SECRET_FIELD, (_m, key: string) => `"${key}":"***"`);
}

/** Cuts a string to at most `max` UTF-8 bytes without splitting a character. */
export function truncate(text: string, max: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= max) return text;
  let end = max;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return `${bytes.subarray(0, end).toString("utf8")}…[truncated ${bytes.length - end} bytes]`;
}
