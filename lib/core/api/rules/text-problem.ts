/**
 * Why a piece of caller-supplied text cannot be stored, or null. PostgreSQL refuses NUL in text
 * and jsonb, a lone UTF-16 surrogate has no UTF-8 form (the driver would mangle or refuse it),
 * and other C0/DEL control characters are never meaningful in the names and ids we keep. Tab,
 * line feed and carriage return stay allowed: message bodies use them.
 */
export function textProblem(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return "contains a NUL character";
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f)
      return `contains the control character U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return "contains a lone UTF-16 surrogate";
    }
    if (c >= 0xdc00 && c <= 0xdfff) return "contains a lone UTF-16 surrogate";
  }
  return null;
}
