import { resolveLocalDateTime } from "./resolve-local-date-time";

/** Which instant a local date-time means when DST makes it ambiguous. */
export type Disambiguation =
  /** In an overlap the first pass; in a gap the moment the clock jumps over it. */
  | "earliest"
  /** In an overlap the second pass; in a gap the moment the clock jumps over it. */
  | "latest";

/**
 * The instant an `<input type="datetime-local">` value ("2026-11-22T23:30") means in `timeZone`,
 * with the caller stating which pass of a repeated hour it means. A RangeError names a malformed value.
 */
export function localDateTimeToInstant(
  value: string,
  timeZone: string,
  disambiguation: Disambiguation,
): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) throw new RangeError(`Not a local date-time: ${value}`);
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59)
    throw new RangeError(`Not a local date-time: ${value}`);
  return new Date(
    resolveLocalDateTime({ year, month, day, hour, minute }, timeZone)[disambiguation],
  );
}
