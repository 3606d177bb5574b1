// Shared by the incremental-sync benches: offer signed hires on a fixed schedule to OrgBridge's HR
// webhook receiver and read back, from the sandbox IM's clock, when each hire's account appeared.
import { loadavg } from "node:os";
import type { Db } from "../../lib/core/db";
import { hireEmployee } from "../../lib/sandbox/hr/simulator/hire-employee";
import type { HrWebhookTarget } from "../../lib/sandbox/hr/emit-hr-webhook";

export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export type OfferedHires = {
  offeredRate: number;
  refused: number;
  created: number;
  /** HR event → IM account created, ms, sorted. */
  lat: number[];
};

/**
 * Offers `count` hires at `rate`/s (each pushed at its due time, not after the previous one finished, so
 * the offered rate holds when pushes slow down), round-robin over `units`; waits (≤ 5 min) for their IM
 * accounts. `prefix` starts each employee number; `mobileStem` (two digits) their mobiles (`1` + stem + eight digits).
 */
export async function offerHires(
  ctx: { db: Db; webhook: HrWebhookTarget },
  o: {
    count: number;
    rate: number;
    prefix: string;
    mobileStem: string;
    units: string[];
    /** Added to each hire's index in its mobile (runs against one database must not reuse numbers). */
    mobileBase?: number;
  },
): Promise<OfferedHires> {
  const pending: Promise<{ employeeNo: string; occurredAt: number; delivery: unknown }>[] = [];
  const started = Date.now();
  for (let i = 0; i < o.count; i++) {
    const due = started + (i * 1000) / o.rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const employeeNo = `${o.prefix}${String(i).padStart(6, "0")}`;
    pending.push(
      hireEmployee(ctx, {
        employeeNo,
        name: `压测 ${o.prefix} ${i}`,
        unitCode: o.units[i % o.units.length],
        email: `bench.${o.prefix.toLowerCase()}.${i}@incr.example`,
        mobile: `1${o.mobileStem}${String((o.mobileBase ?? 0) + i).padStart(8, "0")}`,
      }).then(({ event, delivery }) => ({
        employeeNo,
        occurredAt: Date.parse(event.occurredAt),
        delivery,
      })),
    );
  }
  const hires = await Promise.all(pending);
  const offeredRate = o.count / ((Date.now() - started) / 1000);
  const results = (await Promise.all(hires.map((h) => h.delivery))) as (
    { ok: boolean } | undefined
  )[];
  const refused = results.filter((r) => !r?.ok).length;
  if (refused) {
    // Why, so a refusal can be told from a slow answer: HTTP status, or the client's error (a timeout).
    const why = new Map<string, number>();
    for (const r of results as ({ ok: boolean; status?: number; error?: string } | undefined)[])
      if (!r?.ok) {
        const k = r?.status ? `HTTP ${r.status}` : (r?.error ?? "no answer");
        why.set(k, (why.get(k) ?? 0) + 1);
      }
    console.log(`refused: ${[...why].map(([k, n]) => `${n} × ${k}`).join(", ")}`);
  }
  const deadline = Date.now() + 300_000;
  // Asks only for the accounts not seen yet: re-reading thousands of found rows five times a second
  // loaded the database the tail of the run was still being synced on.
  const at = new Map<string, number>();
  let missing = hires.map((h) => h.employeeNo);
  while (missing.length && Date.now() < deadline) {
    const found = await ctx.db.sandboxImUser.findMany({
      where: { userid: { in: missing } },
      select: { userid: true, createdAt: true },
    });
    for (const u of found) at.set(u.userid, u.createdAt.getTime());
    missing = missing.filter((no) => !at.has(no));
    if (missing.length) await new Promise((r) => setTimeout(r, 200));
  }
  const lat = hires
    .filter((h) => at.has(h.employeeNo))
    .map((h) => at.get(h.employeeNo)! - h.occurredAt)
    .sort((a, b) => a - b);
  return { offeredRate, refused, created: at.size, lat };
}

/** The figures' lines and the final `BENCH {json}` line. */
export function reportHires(
  bench: string,
  o: { events: number; rate: number; incrementalRuns: number; loadBefore: number[] },
  r: OfferedHires,
  extra: Record<string, unknown> = {},
): void {
  const load = loadavg();
  const { lat } = r;
  console.log(
    `${o.events} hires offered at ${o.rate}/s (achieved ${r.offeredRate.toFixed(1)}/s) → IM accounts ${r.created}/${o.events} (webhooks refused ${r.refused}, incremental runs ${o.incrementalRuns})\n` +
      `HR event → IM account created: p50 ${pct(lat, 50)} ms  p90 ${pct(lat, 90)} ms  p99 ${pct(lat, 99)} ms  max ${lat.at(-1)} ms`,
  );
  const fmt = (l: number[]) => l.map((n) => n.toFixed(2)).join(" ");
  console.log(`load average before ${fmt(o.loadBefore)}, after ${fmt(load)}`);
  console.log(
    `BENCH ${JSON.stringify({
      bench,
      ...extra,
      events: o.events,
      rate: o.rate,
      offeredRate: Number(r.offeredRate.toFixed(1)),
      created: r.created,
      refused: r.refused,
      incrementalRuns: o.incrementalRuns,
      p50Ms: pct(lat, 50) ?? null,
      p90Ms: pct(lat, 90) ?? null,
      p99Ms: pct(lat, 99) ?? null,
      maxMs: lat.at(-1) ?? null,
      loadAvg: load.map((n) => Number(n.toFixed(2))),
    })}`,
  );
}
