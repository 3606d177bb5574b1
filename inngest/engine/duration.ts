// Durations as the SDK sends them (helpers/strings.ts timeStr): "1w2d3h4m5s",
// sub-second rounded up to "1s"; sleepUntil sends an ISO date instead.

const UNIT_MS: Record<string, number> = {
  w: 604_800_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
};

/** Milliseconds in an Inngest time string ("2h30m", "500ms", "10s"); null when it is not one. */
export function parseDuration(input: string): number | null {
  const s = input.trim();
  if (!s) return null;
  const re = /(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (const m of s.matchAll(re)) {
    total += Number(m[1]) * UNIT_MS[m[2]];
    matched += m[0].length;
  }
  return matched === s.length && matched > 0 ? total : null;
}

/** When a Sleep op named `name` ends: a duration from `from`, or an absolute ISO date. */
export function resolveWakeAt(name: string, from: number): number | null {
  const ms = parseDuration(name);
  if (ms !== null) return from + ms;
  const t = Date.parse(name);
  return Number.isNaN(t) ? null : t;
}
