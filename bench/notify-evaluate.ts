// Evaluates delivery for 100k recipients across mixed zones, preferences and policies,
// then plans WeCom batches. Run: npx tsx bench/notify-evaluate.ts [count] [start ISO]
// The default start puts "now" across the US DST change, the slow path; try 2026-07-01T00:00:00Z.
import { evaluateDelivery } from "@/lib/notifications/rules/evaluate-delivery";
import { planBatches, PLATFORM_BATCH_LIMITS } from "@/lib/notifications/rules/plan-batches";
import type { NotificationPolicy } from "@/lib/notifications/policy-schema";

const count = Number(process.argv[2] ?? 100_000);
const zones = [
  "Asia/Shanghai",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Tokyo",
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "America/Santiago",
  "Australia/Sydney",
  "Pacific/Auckland",
  null,
];
const base: NotificationPolicy = {
  key: "bench",
  nameZh: "基准",
  nameEn: "Bench",
  mandatory: false,
  urgent: false,
  defaultOptIn: true,
  quietHours: {
    enabled: true,
    start: "22:00",
    end: "08:00",
    weekdays: [1, 2, 3, 4, 5],
    timeZone: null,
  },
  quietAction: "defer",
  channel: "text",
  fallbackChannel: null,
  throttlePerDay: 3,
  throttleAction: "defer",
};
const policies: NotificationPolicy[] = [
  base,
  { ...base, defaultOptIn: false },
  { ...base, mandatory: true, urgent: true, quietAction: "deliver" },
  {
    ...base,
    quietHours: { ...base.quietHours, timeZone: "Asia/Shanghai", weekdays: [1, 2, 3, 4, 5, 6, 7] },
  },
  { ...base, throttlePerDay: null },
];

// Deterministic pseudo-random data so runs are comparable.
let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const recipients = Array.from({ length: count }, (_, i) => ({
  id: `e${i}`,
  timeZone: zones[Math.floor(rand() * zones.length)],
  optedIn: [true, false, undefined][Math.floor(rand() * 3)],
  sent: Math.floor(rand() * 5),
}));
// Spread "now" over a DST week so both steady and transition paths run.
const nows = Array.from(
  { length: 96 },
  (_, i) => new Date(Date.parse("2026-03-07T00:00:00Z") + i * 37 * 60_000),
);

const started = performance.now();
const tally: Record<string, number> = {};
const decided = recipients.map((r, i) => {
  const decision = evaluateDelivery({
    policy: policies[i % policies.length],
    recipient: { timeZone: r.timeZone, optedIn: r.optedIn },
    companyTimeZone: "Asia/Shanghai",
    now: nows[i % nows.length],
    sentTodayForCategory: r.sent,
  });
  tally[decision.reason.code] = (tally[decision.reason.code] ?? 0) + 1;
  return {
    r,
    at: decision.action === "defer" ? decision.at : null,
    send: decision.action !== "suppress",
  };
});
const evaluated = performance.now();
const batches = planBatches({
  items: decided.filter((d) => d.send),
  deliverAt: (d) => d.at,
  maxPerCall: PLATFORM_BATCH_LIMITS.wecom,
});
const planned = performance.now();

console.log(
  `evaluateDelivery: ${count} recipients in ${(evaluated - started).toFixed(0)} ms (${(((evaluated - started) * 1000) / count).toFixed(2)} µs each)`,
);
console.log(`planBatches: ${batches.length} WeCom calls in ${(planned - evaluated).toFixed(0)} ms`);
console.log(`total: ${(planned - started).toFixed(0)} ms (target ≤ 20 000 ms)`);
console.log("decisions:", tally);
