import pg from "pg";
import { envSection } from "@/lib/core/env";
import type { DeliveryOutcome } from "../delivery-types";
import { cacheResolver } from "./cache-resolver";
import { createCallbackAgents } from "./callback-agents";
import { timeScaleOf, type AttemptDeps } from "./attempt-delivery";
import { claimDueDeliveries, nextDueAt } from "./claim-deliveries";
import { deliverClaimed } from "./deliver-claimed";
import { CALLBACK_DUE_CHANNEL } from "./dispatch-deliveries";
import { recordOutcomes } from "./record-outcomes";

export type DeliveryWorkerOptions = AttemptDeps & {
  /** Most deliveries one claim takes. Default 200. */
  batchSize?: number;
  /** Most deliveries claimed and not yet recorded, overall. Default 256. */
  concurrency?: number;
  /** Most POSTs in flight to one endpoint (also its keep-alive pool size). Default 64. */
  perEndpoint?: number;
  /** How long a claim holds. Default 60 s (a POST is at most timeoutMs, 15 s). */
  leaseMs?: number;
  /** Longest wait before recording finished outcomes. Default 10 ms. */
  flushMs?: number;
  /** Longest sleep when nothing is due (leases of crashed workers, missed notifications). Default 5 s. */
  idleMs?: number;
  /** LISTEN for intake notifications on this database (default DATABASE_URL); false = timers only. */
  listen?: boolean;
  databaseUrl?: string;
  /** Only deliveries overdue by this much (the cron drain beside a worker process). */
  overdueMs?: number;
  /** End once nothing is due and everything claimed is recorded (the cron drain). */
  stopWhenIdle?: boolean;
  /** Stop claiming after this long (the cron drain). */
  maxRunMs?: number;
  log?: (line: string) => void;
};

export type DeliveryWorkerStats = {
  claimed: number;
  recorded: number;
  /** Outcomes whose lease was gone when recording (another worker had taken over). */
  lostLeases: number;
  succeeded: number;
  failed: number;
};

export type DeliveryWorker = {
  /** Claim now (something became due). */
  wake(): void;
  /** Stop claiming, finish and record what is in flight. */
  stop(): Promise<void>;
  /** Settles when the worker has stopped (stopWhenIdle / maxRunMs, or after stop()). */
  done: Promise<void>;
  stats: DeliveryWorkerStats;
};

/**
 * The delivery worker: claims due deliveries in batches (SKIP LOCKED, under a lease), sends
 * them over keep-alive pools with bounded concurrency overall and per endpoint, and records
 * outcomes in bulk. It sleeps until a NOTIFY from intake, the next due retry it knows of, or
 * `idleMs` — never a busy poll. Any number may run against one database.
 */
export function startDeliveryWorker(options: DeliveryWorkerOptions = {}): DeliveryWorker {
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 256;
  const perEndpoint = options.perEndpoint ?? 64;
  const leaseMs = options.leaseMs ?? 60_000;
  const flushMs = options.flushMs ?? 10;
  const idleMs = options.idleMs ?? 5_000;
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(`[callback-worker] ${line}`));
  const agents = createCallbackAgents({ maxSocketsPerHost: perEndpoint });
  const stats: DeliveryWorkerStats = {
    claimed: 0,
    recorded: 0,
    lostLeases: 0,
    succeeded: 0,
    failed: 0,
  };
  const deadline = options.maxRunMs ? Date.now() + options.maxRunMs : Infinity;

  let stopping = false;
  let woken = false;
  let wakeSleeper: (() => void) | null = null;
  const wake = () => {
    woken = true;
    wakeSleeper?.();
  };
  // A wake() that came while the loop was busy (claiming, asking for the next due time) counts.
  const sleepOrWake = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeSleeper = null;
        resolve();
      }
      wakeSleeper = done;
    });

  // The earliest retry this worker recorded: wake for it even if no NOTIFY comes.
  let dueTimer: NodeJS.Timeout | null = null;
  let dueAt = Infinity;
  const noteDue = (at: number) => {
    if (at >= dueAt) return;
    dueAt = at;
    if (dueTimer) clearTimeout(dueTimer);
    dueTimer = setTimeout(
      () => {
        dueAt = Infinity;
        dueTimer = null;
        wake();
      },
      Math.max(0, at - clock().getTime()),
    );
  };

  // Per-endpoint concurrency: a counter and a queue per endpoint.
  let inflight = 0;
  const claimedPer = new Map<string, number>();
  const sending = new Map<string, { n: number; queue: (() => void)[] }>();
  const acquire = async (endpointId: string) => {
    const s = sending.get(endpointId) ?? { n: 0, queue: [] };
    sending.set(endpointId, s);
    if (s.n >= perEndpoint) await new Promise<void>((r) => s.queue.push(r));
    s.n++;
    return () => {
      s.n--;
      const next = s.queue.shift();
      if (next) next();
      else if (s.n === 0) sending.delete(endpointId);
    };
  };
  let roomWaiter: (() => void) | null = null;
  // An endpoint with half its share claimed is left out of claims until it drains below that
  // again; then the loop is woken to claim more of it (hysteresis: claims stay batches).
  const busyAt = Math.max(1, Math.floor(perEndpoint / 2));
  const settleOne = (endpointId: string) => {
    inflight--;
    const n = (claimedPer.get(endpointId) ?? 1) - 1;
    if (n <= 0) claimedPer.delete(endpointId);
    else claimedPer.set(endpointId, n);
    if (n === busyAt - 1) wake();
    roomWaiter?.();
  };

  // Outcomes wait here briefly and are recorded in bulk, one transaction at a time.
  const buffer: DeliveryOutcome[] = [];
  let flushTimer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();
  const flushNow = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    if (buffer.length === 0) return;
    const items = buffer.splice(0);
    flushing = flushing.then(async () => {
      try {
        const written = await recordOutcomes(items);
        stats.recorded += written.length;
        stats.lostLeases += items.length - written.length;
        for (const o of written) {
          if (o.result.action === "succeeded") stats.succeeded++;
          else if (o.attempt) stats.failed++;
          if (o.nextAttemptAt) noteDue(o.nextAttemptAt.getTime());
        }
      } catch (error) {
        // Nothing of the batch was written; the leases run out and the deliveries are sent again.
        log(`could not record ${items.length} outcomes: ${(error as Error).message}`);
      }
    });
  };
  const onOutcome = (o: DeliveryOutcome) => {
    buffer.push(o);
    if (buffer.length >= batchSize) flushNow();
    else if (!flushTimer) flushTimer = setTimeout(flushNow, flushMs);
  };

  const ctx = {
    clock,
    random: options.random,
    timeScale: timeScaleOf(options),
    timeoutMs: options.timeoutMs ?? 15_000,
    resolve: options.resolve ?? cacheResolver(),
    agents,
    rateHorizonMs: 1_000,
    keepDueOnRelease: false,
    acquire,
  };

  let listener: pg.Client | null = null;
  const listen = async () => {
    if (options.listen === false || stopping) return;
    const url = options.databaseUrl ?? envSection("database").DATABASE_URL;
    const client = new pg.Client({ connectionString: url });
    client.on("notification", wake);
    client.on("error", (error) => {
      log(`LISTEN connection lost (${error.message}); reconnecting`);
      listener = null;
      client.end().catch(() => {});
      setTimeout(() => void listen().catch(() => {}), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CALLBACK_DUE_CHANNEL}`);
    listener = client;
    wake(); // anything emitted while we were not listening
  };

  const loop = async () => {
    await listen().catch((error) => log(`LISTEN failed (${error.message}); timers only`));
    while (!stopping && Date.now() < deadline) {
      const room = concurrency - inflight;
      if (room < Math.min(batchSize, concurrency) / 4) {
        await new Promise<void>((r) => (roomWaiter = r));
        roomWaiter = null;
        continue;
      }
      woken = false;
      let claimed;
      try {
        claimed = await claimDueDeliveries({
          limit: Math.min(batchSize, room),
          perEndpoint,
          leaseMs,
          skipEndpoints: [...claimedPer].filter(([, n]) => n >= busyAt).map(([id]) => id),
          overdueMs: options.overdueMs,
          now: clock(),
        });
      } catch (error) {
        log(`claim failed: ${(error as Error).message}`);
        await sleepOrWake(1_000);
        continue;
      }
      if (claimed.length === 0) {
        if (options.stopWhenIdle && inflight === 0 && buffer.length === 0) break;
        if (woken) continue;
        const next = await nextDueAt(clock()).catch(() => null);
        const wait = next ? next.getTime() - clock().getTime() : idleMs;
        await sleepOrWake(Math.min(Math.max(wait, 1), idleMs));
        continue;
      }
      stats.claimed += claimed.length;
      inflight += claimed.length;
      const open = new Set(claimed.map((d) => d.id));
      for (const d of claimed)
        claimedPer.set(d.endpointId, (claimedPer.get(d.endpointId) ?? 0) + 1);
      void deliverClaimed(claimed, ctx, (o) => {
        if (!open.delete(o.deliveryId)) return;
        settleOne(o.endpointId);
        onOutcome(o);
      })
        .catch((error) => log(`delivering a batch failed: ${(error as Error).message}`))
        .finally(() => {
          // Claimed but never judged (an error above): their leases run out and they come back.
          for (const d of claimed) if (open.delete(d.id)) settleOne(d.endpointId);
        });
    }
    while (inflight > 0) await new Promise<void>((r) => (roomWaiter = r));
    flushNow();
    await flushing;
  };

  const done = loop()
    .catch((error) => log(`stopped on error: ${(error as Error).message}`))
    .finally(async () => {
      stopping = true;
      if (dueTimer) clearTimeout(dueTimer);
      agents.destroy();
      await listener?.end().catch(() => {});
    });

  return {
    wake,
    stats,
    done,
    async stop() {
      stopping = true;
      wake();
      roomWaiter?.();
      await done;
    },
  };
}
