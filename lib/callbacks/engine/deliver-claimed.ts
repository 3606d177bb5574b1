import type { ClaimedDelivery, DeliveryOutcome } from "../delivery-types";
import { decideAttemptOutcome } from "../rules/decide-attempt-outcome";
import { parkOutcome } from "../rules/park-outcome";
import { rateSlotSpacing } from "../rules/rate-slot-spacing";
import { releaseOutcome } from "../rules/release-outcome";
import type { Resolver } from "./ssrf-guard";
import { getDeliverySettings } from "../commands/allow-list";
import type { CallbackAgents } from "./callback-agents";
import { loadEndpointSecrets } from "./load-endpoint-secrets";
import { reserveRateSlots } from "./reserve-rate-slots";
import { sendDelivery } from "./send-delivery";

/** How claimed deliveries are sent; the worker and the single-delivery path fill it differently. */
export type DeliverContext = {
  clock: () => Date;
  /** Jitter source for retry schedules. */
  random?: () => number;
  /** Multiplies every planned wait (tests and the bench). */
  timeScale: number;
  /** Whole-exchange limit of one POST. */
  timeoutMs: number;
  /** DNS for the send-time SSRF check. */
  resolve?: Resolver;
  /** Keep-alive pools. */
  agents?: CallbackAgents;
  /** How far ahead rate-limit slots may be reserved (the worker waits for them); 0 = only now. */
  rateHorizonMs: number;
  /** Rate-limited and not sent: true keeps the delivery's due time (its ticket stays valid), false moves it to its projected slot. */
  keepDueOnRelease: boolean;
  /** Waits for a per-endpoint concurrency slot; returns its release. */
  acquire?: (endpointId: string) => Promise<() => void>;
};

/** Never start a POST that could outlive the lease: another worker may take the delivery after it. */
const LEASE_MARGIN_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes claimed deliveries through one attempt each and hands every outcome to `onOutcome` as it
 * is known: deliveries of disabled endpoints park unsent; rate-limited endpoints get slots from
 * the shared limiter (those without one go back, unsent); the rest are signed and POSTed —
 * each at or after its slot — and judged by decideAttemptOutcome. Nothing is written here.
 */
export async function deliverClaimed(
  claimed: readonly ClaimedDelivery[],
  ctx: DeliverContext,
  onOutcome: (outcome: DeliveryOutcome) => void,
): Promise<void> {
  if (claimed.length === 0) return;
  const { policy, autoDisableHours } = await getDeliverySettings();
  const live = claimed.filter((d) => d.endpoint.enabled);
  for (const d of claimed) if (!d.endpoint.enabled) onOutcome(parkOutcome(d));
  if (live.length === 0) return;

  const secrets = await loadEndpointSecrets(
    live.map((d) => ({ id: d.endpointId, updatedAt: d.endpoint.updatedAt })),
  );
  const slotAt = new Map<string, number>();
  const limited = new Map<string, ClaimedDelivery[]>();
  for (const d of live)
    if (d.endpoint.rateLimitPerSecond)
      limited.set(d.endpointId, [...(limited.get(d.endpointId) ?? []), d]);
  if (limited.size > 0) {
    const now = ctx.clock();
    const slots = await reserveRateSlots(
      [...limited].map(([endpointId, ds]) => ({
        endpointId,
        want: ds.length,
        intervalMs: rateSlotSpacing(ds[0].endpoint.rateLimitPerSecond!).intervalMs,
      })),
      { now, horizonMs: ctx.rateHorizonMs },
    );
    for (const [endpointId, ds] of limited) {
      const s = slots.get(endpointId);
      ds.forEach((d, i) => {
        if (s && i < s.granted) slotAt.set(d.id, s.firstMs + i * s.intervalMs);
        else {
          const projected = s ? s.firstMs + i * s.intervalMs : now.getTime() + 1000;
          const at = ctx.keepDueOnRelease ? d.nextAttemptAt : new Date(Math.ceil(projected));
          onOutcome(releaseOutcome(d, at, projected - now.getTime()));
        }
      });
    }
  }

  await Promise.all(
    live.map(async (d) => {
      const endpoint = secrets.get(d.endpointId);
      if (d.endpoint.rateLimitPerSecond && !slotAt.has(d.id)) return;
      if (!endpoint) return onOutcome(parkOutcome(d)); // deleted since the claim; the row is gone too
      if ("unreadable" in endpoint)
        // Nothing can be signed: a failed attempt the console shows, retried on the schedule (a
        // fixed key or a new secret lets the next one through), never a stalled batch.
        return onOutcome(
          decideAttemptOutcome({
            delivery: d,
            sent: {
              outcome: { kind: "blocked", reason: "secret_unreadable" },
              statusCode: null,
              requestHeaders: {},
              responseHeaders: null,
              responseExcerpt: null,
              error: `the endpoint's signing secret cannot be decrypted: ${endpoint.unreadable}`,
              latencyMs: 0,
              finishedAt: ctx.clock(),
            },
            autoDisableHours,
            timeScale: ctx.timeScale,
            random: ctx.random,
          }),
        );
      const release = ctx.acquire ? await ctx.acquire(d.endpointId) : () => {};
      try {
        const slot = slotAt.get(d.id);
        if (slot !== undefined) {
          const wait = slot - ctx.clock().getTime();
          if (wait > 0) await sleep(wait);
          // A slot used later than the tolerance could crowd a window; unused, it costs only throughput.
          if (ctx.clock().getTime() - slot > rateSlotSpacing(d.endpoint.rateLimitPerSecond!).lateMs)
            return onOutcome(releaseOutcome(d, ctx.clock(), 0));
        }
        if (d.leaseUntil.getTime() - ctx.clock().getTime() < ctx.timeoutMs + LEASE_MARGIN_MS)
          return onOutcome(releaseOutcome(d, d.nextAttemptAt, 0));
        const sent = await sendDelivery({
          delivery: d,
          endpoint,
          policy,
          agents: ctx.agents,
          resolve: ctx.resolve,
          timeoutMs: ctx.timeoutMs,
          clock: ctx.clock,
        });
        onOutcome(
          decideAttemptOutcome({
            delivery: d,
            sent,
            autoDisableHours,
            timeScale: ctx.timeScale,
            random: ctx.random,
          }),
        );
      } finally {
        release();
      }
    }),
  );
}
