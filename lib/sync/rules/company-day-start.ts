import { zonedParts } from "./company-date";

/** The instant a company-calendar date ("YYYY-MM-DD") begins in the time zone. */
export function companyDayStart(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const wallMidnight = Date.UTC(y, m - 1, d);
  // Two passes settle DST: the offset at the guess may differ from the offset at the answer.
  let guess = wallMidnight - zonedParts(new Date(wallMidnight), timeZone).offsetMs;
  guess = wallMidnight - zonedParts(new Date(guess), timeZone).offsetMs;
  return new Date(guess);
}
