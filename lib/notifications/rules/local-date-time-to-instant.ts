import { resolveWallTime } from "@/lib/notifications/rules/resolve-wall-time";

/**
 * The instant an `<input type="datetime-local">` value ("2026-11-22T23:30") means in `timeZone`.
 * In a DST overlap the first pass is taken; in a gap, the moment the clock jumps over it.
 */
export function localDateTimeToInstant(value: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) throw new Error(`Not a local date-time: ${value}`);
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  return new Date(resolveWallTime({ year, month, day, hour, minute }, timeZone).earliest);
}

/** The datetime-local value for `instant` as the wall clock in `timeZone` reads it. */
export function instantToLocalDateTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}
