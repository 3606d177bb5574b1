import { z } from "zod";

// Shared with client components: no database imports here.

export const SYNC_STATUSES = [
  "QUEUED",
  "PLANNING",
  "AWAITING_APPROVAL",
  "RUNNING",
  "SUCCEEDED",
  "PARTIAL",
  "FAILED",
  "REJECTED",
  "CANCELLED",
] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** Statuses the engine is still working on (the list polls fast while any run is in one). */
export const ACTIVE_SYNC_STATUSES: readonly SyncStatus[] = ["QUEUED", "PLANNING", "RUNNING"];

export const SYNC_KINDS = ["FULL", "INCREMENTAL", "RECONCILE", "DRY_RUN"] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

export const CHANGE_STATUSES = ["PLANNED", "APPLIED", "FAILED", "SKIPPED"] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const CHANGES_PAGE_SIZE = 100;

/** The sync runs page's kind filter: "all" lists full runs and dry runs, with incremental activity by hour. */
export const SYNC_KIND_FILTERS = ["all", "FULL", "DRY_RUN", "INCREMENTAL"] as const;
export type SyncKindFilter = (typeof SYNC_KIND_FILTERS)[number];

export const ACTIVITY_RANGES = { "24h": 24, "7d": 168 } as const;
export type ActivityRange = keyof typeof ACTIVITY_RANGES;

// A connection id is a cuid; anything else (NUL, surrogates, 10 kB) is refused before it reaches SQL.
const idParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a connection id")
  .optional();

export const syncRunListSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  kind: z.enum(SYNC_KIND_FILTERS).default("all"),
  /** Hour drill-down: the runs started in [hour, hour + 1 h). */
  hour: z.iso
    .datetime({ offset: true })
    // A company zone's hours start on a quarter of a UTC hour (India :30, Asia/Kathmandu :15).
    .refine((v) => new Date(v).getTime() % 900_000 === 0, "must be the start of an hour")
    .optional(),
  connection: idParam,
  range: z.enum(Object.keys(ACTIVITY_RANGES) as [ActivityRange, ...ActivityRange[]]).default("24h"),
});
export type SyncRunListInput = z.output<typeof syncRunListSchema> & {
  /** The id of the last run of the previous page (newest first). */
  cursor?: string;
  status?: SyncStatus;
  connectionId?: string;
};

/** One hour of incremental activity on one IM target. */
export type IncrementalHourRow = {
  /** Start of the company time zone's hour, as an ISO instant (UTC). */
  hour: string;
  connectionId: string;
  connectionName: string;
  runs: number;
  applied: number;
  failed: number;
  skipped: number;
  conflicts: number;
};

/** Changes of the runs started in one hour (all IM targets). */
export type HourlyChanges = {
  hour: string;
  applied: number;
  failed: number;
  skipped: number;
  conflicts: number;
};

export const syncChangeFilterSchema = z.object({
  // Empty form values mean "any".
  status: z
    .enum([...CHANGE_STATUSES, ""])
    .optional()
    .transform((v) => v || undefined),
  op: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type SyncChangeFilter = z.output<typeof syncChangeFilterSchema>;

export const requestSyncSchema = z.object({
  /** The IM_TARGET connection to sync. */
  connectionId: z.string().min(1),
  /** Plan only, apply nothing. */
  dryRun: z.boolean().default(false),
});
export type RequestSyncInput = z.input<typeof requestSyncSchema>;

export const heldRunDecisionSchema = z.object({ runId: z.string().min(1) });
export type HeldRunDecisionInput = z.output<typeof heldRunDecisionSchema>;

export type SyncRunRow = {
  id: string;
  connectionId: string;
  connectionName: string;
  kind: SyncKind;
  trigger: string;
  /** Who asked, for manual runs: the user's name when known. */
  requestedBy: string | null;
  status: SyncStatus;
  planned: number;
  applied: number;
  failed: number;
  skipped: number;
  conflicts: number;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
};

/** Share of the planned changes that are done (applied, failed or skipped), 0–100. */
export function runProgress(run: {
  planned: number;
  applied: number;
  failed: number;
  skipped: number;
}): number {
  if (run.planned <= 0) return 0;
  return Math.min(100, Math.round(((run.applied + run.failed + run.skipped) / run.planned) * 100));
}
