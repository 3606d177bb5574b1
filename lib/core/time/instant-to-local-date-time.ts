import { zoneOffsetMs } from "./zone-offset-ms";

/** The datetime-local value ("YYYY-MM-DDTHH:mm") for `instant` as the wall clock in `timeZone` reads it. */
export function instantToLocalDateTime(instant: Date | number, timeZone: string): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 16);
}
