const DAY_MS = 86_400_000;

/** The instant before which a record kept `days` days is due for pruning. */
export function retentionCutoff(days: number, now: Date): Date {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`Retention must be a whole number of days ≥ 1 (got ${days})`);
  return new Date(now.getTime() - days * DAY_MS);
}
