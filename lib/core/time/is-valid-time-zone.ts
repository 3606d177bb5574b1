import { Temporal } from "temporal-polyfill";

const known = new Map<string, boolean>();

/** True when `timeZone` is an IANA zone name with its own rules (e.g. "Asia/Shanghai"). */
export function isValidTimeZone(timeZone: string): boolean {
  const cached = known.get(timeZone);
  if (cached !== undefined) return cached;
  let valid = false;
  // Temporal accepts fixed offsets like "+08:00" too; local days and quiet hours need real zones with DST rules.
  if (timeZone.length <= 64 && /^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(timeZone)) {
    try {
      Temporal.Now.zonedDateTimeISO(timeZone);
      valid = true;
    } catch {
      valid = false;
    }
  }
  if (known.size > 1000) known.clear();
  known.set(timeZone, valid);
  return valid;
}
