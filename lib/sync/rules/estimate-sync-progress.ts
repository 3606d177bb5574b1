/** One observation of a running sync: when, and how many changes were done (applied, failed or skipped). */
export type ProgressSample = { at: number; done: number };

export type SyncProgressEstimate = {
  /** Done over planned, 0–100. */
  percent: number;
  /** Changes per second over the samples; null until two samples apart in time. */
  perSecond: number | null;
  /** Seconds left at that rate; 0 when done, null while unknown or stalled. */
  etaSeconds: number | null;
};

/**
 * How far a running sync is and when it ends, from the counts the engine keeps on the run. The rate is
 * measured between the oldest and newest sample (the caller keeps a short window), not since the run
 * started: pulling and planning take a while before the first change is applied, and would make the
 * rate look slow and the ETA long.
 */
export function estimateSyncProgress(
  planned: number,
  samples: readonly ProgressSample[],
): SyncProgressEstimate {
  const latest = samples.at(-1);
  const done = latest?.done ?? 0;
  const percent = planned > 0 ? Math.min(100, Math.floor((done / planned) * 100)) : 0;
  if (planned > 0 && done >= planned) return { percent, perSecond: null, etaSeconds: 0 };
  const oldest = samples[0];
  if (!latest || !oldest || latest.at <= oldest.at)
    return { percent, perSecond: null, etaSeconds: null };
  // Nothing applied yet: the first batch is still on its way, which is not a stall.
  if (done === 0) return { percent, perSecond: null, etaSeconds: null };
  const perSecond = Math.max(0, (latest.done - oldest.done) / ((latest.at - oldest.at) / 1000));
  const etaSeconds = perSecond > 0 && planned > 0 ? Math.ceil((planned - done) / perSecond) : null;
  return { percent, perSecond, etaSeconds };
}
