/** One flow-control setting of a function, as the console lists it. */
export type FlowSetting = { option: string; value: string };

const OPTIONS = [
  "concurrency",
  "throttle",
  "rateLimit",
  "debounce",
  "batchEvents",
  "singleton",
  "idempotency",
  "priority",
  "timeouts",
  "cancel",
] as const;

// The stored config is jsonb, which reorders keys; list fields in the order people read them.
const FIELD_ORDER = [
  "event",
  "limit",
  "period",
  "burst",
  "maxSize",
  "timeout",
  "mode",
  "start",
  "finish",
  "run",
  "key",
  "scope",
  "if",
];
const rank = (k: string) => {
  const i = FIELD_ORDER.indexOf(k);
  return i === -1 ? FIELD_ORDER.length : i;
};

/** A setting's value in one line: `limit: 2, period: 1m, key: event.data.user`. */
function compact(v: unknown): string {
  if (v === null || typeof v !== "object") return String(v);
  if (Array.isArray(v)) return v.map(compact).join(" | ");
  return Object.entries(v as Record<string, unknown>)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([k, x]) => `${k}: ${x !== null && typeof x === "object" ? `(${compact(x)})` : String(x)}`)
    .join(", ");
}

/** The flow-control settings a registered function declares (its stored SDK config), in a fixed order. */
export function describeFlowControl(config: unknown): FlowSetting[] {
  if (!config || typeof config !== "object") return [];
  const c = config as Record<string, unknown>;
  return OPTIONS.filter((o) => c[o] !== undefined && c[o] !== null).map((o) => ({
    option: o,
    value: compact(c[o]),
  }));
}
