import { memo } from "./memo";
import { plainDate } from "./plain-date";

const dayStartMs = memo((key: string) => {
  const [date, timeZone] = key.split("|");
  return plainDate(date).toZonedDateTime({ timeZone }).epochMilliseconds;
});

/**
 * The instant the calendar day `date` ("YYYY-MM-DD") begins in `timeZone`. Where DST skips
 * midnight (America/Santiago 2026-09-06, America/Havana 2026-03-08) the day begins at 01:00
 * local, the first minute the clock shows that date.
 */
export function localDayStart(date: string, timeZone: string): Date {
  return new Date(dayStartMs(`${date}|${timeZone}`));
}
