/**
 * Every kind of record the product prunes, in the order the nightly job prunes them, with its
 * default retention in days. The API request log's default comes from API_LOG_RETENTION_DAYS.
 */
export const RETENTION_KINDS = [
  "jobRuns",
  "jobEvents",
  "jobSkips",
  "jobFlowState",
  "queueArchive",
  "callbackAttempts",
  "callbackDeliveries",
  "syncChanges",
  "syncRuns",
  "notificationDeliveries",
  "sandboxMessages",
  "apiRequestLog",
  "auditLog",
] as const;

export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Default days per kind; `apiRequestLog` is replaced by the environment's value. */
export const DEFAULT_RETENTION_DAYS: Record<RetentionKind, number> = {
  jobRuns: 14,
  jobEvents: 14,
  jobSkips: 14,
  jobFlowState: 14,
  queueArchive: 7,
  callbackAttempts: 30,
  callbackDeliveries: 30,
  syncChanges: 30,
  syncRuns: 180,
  notificationDeliveries: 30,
  sandboxMessages: 7,
  apiRequestLog: 30,
  auditLog: 365,
};

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

/**
 * Pairs where pruning the first (a parent) removes the second's rows with it, so the child may
 * not be kept longer than its parent: a longer child setting could not be honoured.
 */
export const RETENTION_PARENTS: { parent: RetentionKind; child: RetentionKind }[] = [
  { parent: "syncRuns", child: "syncChanges" },
  { parent: "callbackDeliveries", child: "callbackAttempts" },
];

/** The Setting row holding the admin's overrides ({ kind: days }). */
export const RETENTION_SETTING_KEY = "retention.days";

/** Rows per delete statement, and the time one prune step may spend before it hands over. */
export const RETENTION_BATCH_SIZE = 5000;
export const RETENTION_STEP_BUDGET_MS = 20_000;
