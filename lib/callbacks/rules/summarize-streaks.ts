import type { DeliveryOutcome } from "../delivery-types";

/** Per endpoint: whether a success cleared its failing streak, and when a streak (re)started after it. */
export type StreakChange = { endpointId: string; cleared: boolean; failingFrom: Date | null };

/**
 * Folds a batch of recorded outcomes into one failing-streak change per endpoint, as if they
 * had been written one by one in time order: a success clears `failingSince`, the first
 * failure after the last success starts it (an existing streak is kept when no success came).
 */
export function summarizeStreaks(outcomes: readonly DeliveryOutcome[]): StreakChange[] {
  const byEndpoint = new Map<string, StreakChange>();
  const ordered = outcomes
    .filter((o) => o.streak)
    .sort((a, b) => a.streak!.at.getTime() - b.streak!.at.getTime());
  for (const o of ordered) {
    const change = byEndpoint.get(o.endpointId) ?? {
      endpointId: o.endpointId,
      cleared: false,
      failingFrom: null,
    };
    if (o.streak!.kind === "success") {
      change.cleared = true;
      change.failingFrom = null;
    } else if (!change.failingFrom) {
      change.failingFrom = o.streak!.at;
    }
    byEndpoint.set(o.endpointId, change);
  }
  return [...byEndpoint.values()];
}
