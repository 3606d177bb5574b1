import { addCalendarDays } from "./add-calendar-days";
import { localDate } from "./local-date";
import { localDayStart } from "./local-day-start";

/**
 * The local calendar day of `timeZone` containing `instant`, as [start, end) instants. A day is
 * 23 or 25 hours long across DST changes (23.5 on Lord Howe); a skipped midnight starts it later.
 */
export function localDayRange(instant: Date, timeZone: string): { start: Date; end: Date } {
  const date = localDate(instant, timeZone);
  return {
    start: localDayStart(date, timeZone),
    end: localDayStart(addCalendarDays(date, 1), timeZone),
  };
}
