import { memo } from "./memo";
import { plainDate } from "./plain-date";

const shifted = memo((key: string) => {
  const [date, days] = key.split("|");
  return plainDate(date)
    .add({ days: Number(days) })
    .toString();
});

/** The calendar date `days` after (negative: before) `date`, both "YYYY-MM-DD"; no zone involved. */
export function addCalendarDays(date: string, days: number): string {
  return shifted(`${date}|${days}`);
}
