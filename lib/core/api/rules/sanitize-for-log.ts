/**
 * Makes any text safe to insert into a PostgreSQL text column: NUL becomes U+2400 (␀) and a lone
 * surrogate U+FFFD, so the request log keeps a readable trace of hostile input instead of failing
 * the insert and losing the row.
 */
export function sanitizeForLog(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) out += "\u2400";
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
      } else out += "\ufffd";
    } else if (c >= 0xdc00 && c <= 0xdfff) out += "\ufffd";
    else out += text[i];
  }
  return out;
}
