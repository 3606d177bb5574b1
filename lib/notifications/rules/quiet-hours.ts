import { resolveLocalDateTime } from "@/lib/core/time/resolve-local-date-time";
import { addDays, toWallTime } from "./wall-time";
import { zoneOffsetMs } from "@/lib/core/time/zone-offset-ms";

/** A recurring quiet-hours window, read on a wall clock. */
export type QuietWindow = {
  /** Local start "HH:mm"; quiet from this minute on. */
  start: string;
  /** Local end "HH:mm", exclusive; not after `start` means it ends the next day. */
  end: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which the window starts; a window that crosses midnight runs on into the next day. */
  weekdays: readonly number[];
};

/** Which window to test against which instant. */
export type QuietHoursOptions = {
  /** The instant to test. */
  at: Date;
  /** The window. */
  window: QuietWindow;
  /** IANA zone whose wall clock the window is read on. */
  timeZone: string;
};

const DAY = 86_400_000;

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** A local date + minute of day as an instant; `offset` given when no clock change is near. */
function toInstant(
  day: { year: number; month: number; day: number },
  minutes: number,
  offset: number | null,
  timeZone: string,
  edge: "earliest" | "latest",
): number {
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  // No clock change within two days: a constant offset maps wall times to instants exactly.
  if (offset !== null) return Date.UTC(day.year, day.month - 1, day.day, hour, minute) - offset;
  return resolveLocalDateTime(
    { year: day.year, month: day.month, day: day.day, hour, minute },
    timeZone,
  )[edge];
}

/**
 * The [start, end) instants of the window that contains `at`, or null. A window runs from the
 * first moment the clock reads `start` to the last moment it reads `end`, so a repeated DST
 * hour never cuts quiet hours short and a skipped hour begins or ends them at the jump.
 */
function containingWindow({
  at,
  window,
  timeZone,
}: QuietHoursOptions): { start: number; end: number } | null {
  const t = at.getTime();
  const wall = toWallTime(t, timeZone);
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  const crosses = end <= start;
  const offset = zoneOffsetMs(t, timeZone);
  const steady =
    zoneOffsetMs(t - 2 * DAY, timeZone) === offset &&
    zoneOffsetMs(t + 2 * DAY, timeZone) === offset;

  for (const back of [1, 0]) {
    const day = addDays(wall, -back);
    if (!window.weekdays.includes(day.weekday)) continue;
    const s = toInstant(day, start, steady ? offset : null, timeZone, "earliest");
    const e = toInstant(
      crosses ? addDays(day, 1) : day,
      end,
      steady ? offset : null,
      timeZone,
      "latest",
    );
    if (s <= t && t < e) return { start: s, end: e };
  }
  return null;
}

/**
 * True when `at` lies inside the window on a day it applies to, read on the wall clock of
 * `timeZone` (22:00–08:00 starting Friday covers Saturday 07:59 too).
 */
export function isInQuietHours(options: QuietHoursOptions): boolean {
  return containingWindow(options) !== null;
}

/**
 * When the window containing `at` ends (a UTC instant), or null when `at` is not quiet.
 * Windows that a DST jump makes touch are followed to the last one's end.
 */
export function quietHoursEndAt(options: QuietHoursOptions): Date | null {
  let span = containingWindow(options);
  if (!span) return null;
  let end = span.end;
  for (let hops = 0; hops < 4; hops++) {
    span = containingWindow({ ...options, at: new Date(end) });
    if (!span) break;
    end = span.end;
  }
  return new Date(end);
}
