import { nextInstantAtWallTime } from "./next-instant-at-wall-time";
import { addDays, toWallTime } from "./wall-time";

/**
 * The recipient's local calendar day containing `instant`, as [start, end) UTC instants,
 * so the sender can count what was already sent "today" for throttling. A day is 23 or 25
 * hours long across DST changes; a zone whose midnight is skipped starts the day at 01:00.
 */
export function localDayRange(instant: Date, timeZone: string): { start: Date; end: Date } {
  const wall = toWallTime(instant, timeZone);
  const next = addDays(wall, 1);
  const dayStart = { year: wall.year, month: wall.month, day: wall.day, hour: 0, minute: 0 };
  const searchFrom = instant.getTime() - 2 * 86_400_000;
  const start = nextInstantAtWallTime(dayStart, timeZone, searchFrom);
  const end = nextInstantAtWallTime({ ...next, hour: 0, minute: 0 }, timeZone, instant);
  return { start, end };
}
