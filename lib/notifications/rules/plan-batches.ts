/** Most recipients one send call accepts, per IM platform (see shared CONNECTORS.md). */
export const PLATFORM_BATCH_LIMITS = {
  /** message/send touser "u1|u2", at most 1000. */
  wecom: 1000,
  /** asyncsend_v2 userid_list, at most 100. */
  dingtalk: 100,
  /** im/v1/messages takes one receive_id. */
  feishu: 1,
  /** chat.postMessage posts to one channel (DM). */
  slack: 1,
  /** messages/users `to`, at most 600. */
  agora: 600,
} as const;

export type PlanBatchesOptions<T> = {
  /** Recipients to send to, each already evaluated. */
  items: readonly T[];
  /** When the item may go out: a Date, or null/undefined for "now". */
  deliverAt: (item: T) => Date | null | undefined;
  /** Most recipients one platform call accepts (e.g. PLATFORM_BATCH_LIMITS.wecom). */
  maxPerCall: number;
  /** Round deliver-at times up to this grid (ms) so nearby times share calls; default 60 000, 1 = exact. */
  bucketMs?: number;
  /** Identity of a recipient; items with an already-seen key are dropped. Default: no de-duplication. */
  key?: (item: T) => string;
};

/** One platform call: who, and not before when (null = immediately). */
export type SendBatch<T> = { at: Date | null; items: T[] };

/**
 * Group recipients by deliver-at time (rounded up, never earlier than allowed) and cut each
 * group into calls of at most `maxPerCall`. Immediate batches come first, then by time;
 * input order is kept inside a group.
 */
export function planBatches<T>(options: PlanBatchesOptions<T>): SendBatch<T>[] {
  const { items, deliverAt, maxPerCall, bucketMs = 60_000, key } = options;
  if (!Number.isInteger(maxPerCall) || maxPerCall < 1)
    throw new RangeError("maxPerCall must be a whole number ≥ 1");
  if (!Number.isFinite(bucketMs) || bucketMs < 1) throw new RangeError("bucketMs must be ≥ 1");
  const groups = new Map<number, T[]>(); // -Infinity = now
  const seen = new Set<string>();
  for (const item of items) {
    if (key) {
      const k = key(item);
      if (seen.has(k)) continue;
      seen.add(k);
    }
    const at = deliverAt(item);
    const slot = at ? Math.ceil(at.getTime() / bucketMs) * bucketMs : -Infinity;
    const group = groups.get(slot);
    if (group) group.push(item);
    else groups.set(slot, [item]);
  }
  const batches: SendBatch<T>[] = [];
  for (const slot of [...groups.keys()].sort((a, b) => a - b)) {
    const group = groups.get(slot)!;
    for (let i = 0; i < group.length; i += maxPerCall) {
      batches.push({
        at: slot === -Infinity ? null : new Date(slot),
        items: group.slice(i, i + maxPerCall),
      });
    }
  }
  return batches;
}
