const formatters = new Map<string, Intl.DateTimeFormat>();
const cache = new Map<string, Map<number, number>>();
const MINUTE = 60_000;
const HOUR = 3_600_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function rawOffset(minute: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(minute);
  let year = 0,
    month = 1,
    day = 1,
    hour = 0,
    min = 0,
    sec = 0,
    bc = false;
  for (const p of parts) {
    switch (p.type) {
      case "year":
        year = Number(p.value);
        break;
      case "month":
        month = Number(p.value);
        break;
      case "day":
        day = Number(p.value);
        break;
      case "hour":
        hour = Number(p.value);
        break;
      case "minute":
        min = Number(p.value);
        break;
      case "second":
        sec = Number(p.value);
        break;
      case "era":
        bc = p.value === "BC" || p.value === "B";
        break;
    }
  }
  const local = new Date(0);
  local.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  local.setUTCHours(hour, min, sec, 0);
  return local.getTime() - minute;
}

/**
 * Offset of `timeZone` from UTC at `instant`, in milliseconds (Asia/Kolkata → +19 800 000).
 * Throws a RangeError for a zone Intl does not know.
 */
export function zoneOffsetMs(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  let zone = cache.get(timeZone);
  if (!zone) {
    // Bounded so a long-running worker does not grow without limit.
    if (cache.size > 500) cache.clear();
    zone = new Map();
    cache.set(timeZone, zone);
  }
  // An hour whose first and last minutes share an offset has it throughout (no zone changes
  // twice within an hour); only the hours holding a change are looked up minute by minute.
  const hour = Math.floor(ms / HOUR) * HOUR;
  let whole = zone.get(hour);
  if (whole === undefined) {
    if (zone.size > 20_000) zone.clear();
    const first = rawOffset(hour, timeZone);
    whole = first === rawOffset(hour + HOUR - MINUTE, timeZone) ? first : NaN;
    zone.set(hour, whole);
  }
  if (!Number.isNaN(whole)) return whole;
  // Offsets change only on whole minutes (every zone since 1972).
  const minute = Math.floor(ms / MINUTE) * MINUTE;
  let exact = zone.get(-minute - 1); // negative keys: minute entries, apart from hour entries
  if (exact === undefined) {
    exact = rawOffset(minute, timeZone);
    zone.set(-minute - 1, exact);
  }
  return exact;
}
