import { Temporal } from "temporal-polyfill";

/** A strict "YYYY-MM-DD" as a Temporal date; a RangeError names the value otherwise. */
export function plainDate(date: string): Temporal.PlainDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return Temporal.PlainDate.from(date, { overflow: "reject" });
}
