import { zoneOffsetMs } from "./zone-offset-ms";

/** The calendar date ("YYYY-MM-DD") a wall clock in `timeZone` shows at `instant`. */
export function localDate(instant: Date | number, timeZone: string): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 10);
}
