import { localDate } from "@/lib/core/time/local-date";
import { plainDate } from "@/lib/core/time/plain-date";

/** ISO weekday (Monday 1 … Sunday 7) on which the scheduled full sync reads the IM in full. */
export const DEEP_READ_WEEKDAY = 7;

/**
 * Whether a scheduled full sync due at `due` reads every IM user and group in full (no no-change
 * shortcut, see list-im-users.ts / list-im-groups.ts): once a week, on Sunday in the company's time
 * zone, so hand edits in the IM that the shortcuts cannot see surface within seven days.
 */
export function deepReadDue(due: Date, timeZone: string): boolean {
  return plainDate(localDate(due, timeZone)).dayOfWeek === DEEP_READ_WEEKDAY;
}
