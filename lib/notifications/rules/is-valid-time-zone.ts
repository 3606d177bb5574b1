const known = new Map<string, boolean>();

/** True when `timeZone` is an IANA zone name this runtime's Intl knows (e.g. "Asia/Shanghai"). */
export function isValidTimeZone(timeZone: string): boolean {
  const cached = known.get(timeZone);
  if (cached !== undefined) return cached;
  let valid = false;
  // Intl accepts offsets like "+08:00" too; quiet hours need real zones with DST rules.
  if (/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(timeZone)) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
  }
  if (known.size > 1000) known.clear();
  known.set(timeZone, valid);
  return valid;
}
