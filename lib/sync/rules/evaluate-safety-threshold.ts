import type { SafetyThreshold } from "../types";

export const DEFAULT_SAFETY_THRESHOLD: SafetyThreshold = { percent: 10, absolute: 50 };

export type EvaluateSafetyThresholdInput = {
  /** Planned account.disable + account.delete. */
  destructive: number;
  /** Accounts OrgBridge manages that are live (PENDING, ACTIVE, SUSPENDED). */
  managedAccounts: number;
  /** Limits. */
  threshold: SafetyThreshold;
};

/**
 * The run is held for approval when destructive > absolute OR destructive >
 * percent% of managed accounts, i.e. destructive > min(absolute, floor(percent × managed / 100)).
 * Exactly at the limit passes. A small company trips the percentage rule early
 * (3 of 20 is 15%) — by design: there a wrong HR export hurts most.
 */
export function evaluateSafetyThreshold(input: EvaluateSafetyThresholdInput): {
  held: boolean;
  limit: number;
} {
  const byPercent = Math.floor((input.threshold.percent * input.managedAccounts) / 100);
  const limit = Math.max(0, Math.min(input.threshold.absolute, byPercent));
  return { held: input.destructive > limit, limit };
}
