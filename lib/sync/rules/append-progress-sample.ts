import type { ProgressSample } from "./estimate-sync-progress";

/**
 * Adds a poll's observation to the window the rate is measured over, dropping samples older than
 * `windowMs` (the rate follows the current pace, not the first minute's). A count lower than the last
 * one means the run was retried from its start: the window starts again.
 */
export function appendProgressSample(
  samples: readonly ProgressSample[],
  sample: ProgressSample,
  windowMs: number,
): ProgressSample[] {
  const last = samples.at(-1);
  if (last && (sample.done < last.done || sample.at < last.at)) return [sample];
  if (last && sample.at === last.at) return [...samples.slice(0, -1), sample];
  const kept = samples.filter((s) => sample.at - s.at <= windowMs);
  return [...kept, sample];
}
