import { envSection } from "@/lib/core/env";
import { startDeliveryWorker, type DeliveryWorkerStats } from "./delivery-worker";

/**
 * Runs a delivery worker until nothing is due (or `maxRunMs`), without LISTEN: what the cron
 * function calls, so a deployment with no worker process (Inngest Cloud) still delivers. With
 * a worker process beside it (`ORGBRIDGE_CALLBACK_WORKER=process`), it only takes deliveries
 * overdue by half a minute — the worker's leftovers if it is down — and keeps out of its way.
 */
export async function drainDueDeliveries(
  options: { maxRunMs?: number; overdueMs?: number } = {},
): Promise<DeliveryWorkerStats> {
  const workerRuns = envSection("callbacks").ORGBRIDGE_CALLBACK_WORKER === "process";
  const worker = startDeliveryWorker({
    listen: false,
    stopWhenIdle: true,
    maxRunMs: options.maxRunMs ?? 50_000,
    overdueMs: options.overdueMs ?? (workerRuns ? 30_000 : 0),
    concurrency: 128,
    batchSize: 100,
    log: (line) => console.warn(`[callback-drain] ${line}`),
  });
  await worker.done;
  return worker.stats;
}
