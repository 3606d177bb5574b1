import { plainDate } from "./plain-date";

/** The calendar date `days` after (negative: before) `date`, both "YYYY-MM-DD"; no zone involved. */
export function addCalendarDays(date: string, days: number): string {
  return plainDate(date).add({ days }).toString();
}
