import { zoneOffsetMs } from "@/lib/core/time/zone-offset-ms";

/** A local calendar date and clock time, as a person in some time zone reads it. */
export type WallTime = {
  /** Full year, e.g. 2026. */
  year: number;
  /** Month 1–12. */
  month: number;
  /** Day of month 1–31. */
  day: number;
  /** Hour 0–23. */
  hour: number;
  /** Minute 0–59. */
  minute: number;
  /** Second 0–59. */
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
};

/** What the clock on the wall shows in `timeZone` at `instant`. */
export function toWallTime(instant: Date | number, timeZone: string): WallTime {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const local = new Date(ms + zoneOffsetMs(ms, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
  };
}

/** The calendar date `days` after (or before, if negative) the given one; ISO weekday included. */
export function addDays(
  date: { year: number; month: number; day: number },
  days: number,
): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(date.year, date.month - 1, date.day + days);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
  };
}
