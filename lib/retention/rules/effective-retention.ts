import {
  DEFAULT_RETENTION_DAYS,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  RETENTION_KINDS,
  type RetentionKind,
} from "../retention-kinds";

export type EffectiveRetention = {
  kind: RetentionKind;
  /** What applies when the admin has set nothing. */
  defaultDays: number;
  /** The admin's value, or null. */
  setDays: number | null;
  /** What the prune uses. */
  days: number;
};

/**
 * Per kind: the admin's stored value over the default (the API request log's default being
 * API_LOG_RETENTION_DAYS). A stored value outside the bounds (written by hand) is ignored, so
 * the prune never runs with a retention the form would have refused.
 */
export function effectiveRetention(
  stored: unknown,
  apiLogDefaultDays: number,
): EffectiveRetention[] {
  const map = stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
  return RETENTION_KINDS.map((kind) => {
    const defaultDays = kind === "apiRequestLog" ? apiLogDefaultDays : DEFAULT_RETENTION_DAYS[kind];
    const raw = (map as Record<string, unknown>)[kind];
    const setDays =
      typeof raw === "number" &&
      Number.isInteger(raw) &&
      raw >= MIN_RETENTION_DAYS &&
      raw <= MAX_RETENTION_DAYS
        ? raw
        : null;
    return { kind, defaultDays, setDays, days: setDays ?? defaultDays };
  });
}
