import { z } from "zod";
import type { ConflictType } from "@/lib/conflicts/types";

// Shared with client components: no database imports here.

export const CONFLICT_TYPES = [
  "im_group_renamed",
  "im_group_moved",
  "account_owned_by_other",
  "duplicate_contact",
  "unmapped_unit",
  "both_changed",
  "orphan_im_user",
  "mapping_group_deleted",
  "depth_exceeded",
  "invalid_group_name",
  "group_not_empty",
  "manager_cycle",
  "manager_out_of_scope",
  "deletion_threshold",
] as const satisfies readonly ConflictType[];
export type ConflictTypeName = (typeof CONFLICT_TYPES)[number];
// The detector's types are the source of truth: a type added there without a line here fails to compile.
const everyTypeListed: Exclude<ConflictType, ConflictTypeName> extends never ? true : never = true;
void everyTypeListed;

export const CONFLICT_STATUSES = ["OPEN", "RESOLVED", "IGNORED"] as const;
export type ConflictStatusName = (typeof CONFLICT_STATUSES)[number];

export const RESOLUTION_KINDS = ["KEEP_HR", "KEEP_IM", "CUSTOM", "IGNORE"] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

export const CONFLICTS_PAGE_SIZE = 50;

/** Conflict types whose custom value is a single string in the form (others take JSON). */
export const TEXT_CUSTOM_TYPES: readonly ConflictTypeName[] = [
  "im_group_renamed",
  "both_changed",
  "account_owned_by_other",
  "orphan_im_user",
];

export const conflictFilterSchema = z.object({
  // Empty form values mean "any"; the queue opens on OPEN.
  status: z
    .enum([...CONFLICT_STATUSES, "ALL"])
    .optional()
    .transform((v) => (v === "ALL" ? undefined : (v ?? "OPEN"))),
  type: z
    .enum([...CONFLICT_TYPES, ""])
    .optional()
    .transform((v) => v || undefined),
  connectionId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type ConflictFilter = z.output<typeof conflictFilterSchema>;

const note = z
  .string()
  .trim()
  .max(1000)
  .optional()
  .transform((v) => v || undefined);

const decisionFields = {
  resolution: z.enum(RESOLUTION_KINDS),
  /** Text from the form: a name/value, or JSON for structured custom values. */
  customValue: z.string().max(2000).optional(),
  note,
};

function checkDecision(
  v: { resolution: ResolutionKind; customValue?: string; note?: string },
  ctx: z.RefinementCtx,
) {
  if (v.resolution === "IGNORE" && !v.note)
    ctx.addIssue({
      code: "custom",
      path: ["note"],
      message: "A note is required to ignore a conflict.",
      params: { i18n: "ignoreNeedsNote" },
    });
  if (v.resolution === "CUSTOM" && !v.customValue?.trim())
    ctx.addIssue({
      code: "custom",
      path: ["customValue"],
      message: "Enter the custom value.",
      params: { i18n: "customValueRequired" },
    });
}

/** A decision on one conflict named elsewhere (the API's path): the same checks as the form's. */
export const resolveDecisionSchema = z.object(decisionFields).superRefine(checkDecision);

export const resolveConflictSchema = z
  .object({ conflictId: z.string().min(1), ...decisionFields })
  .superRefine(checkDecision);
export type ResolveConflictInput = z.input<typeof resolveConflictSchema>;

export const bulkResolveConflictsSchema = z
  .object({
    conflictIds: z.array(z.string().min(1)).min(1, "Select at least one conflict.").max(500),
    resolution: z.enum(["KEEP_HR", "KEEP_IM", "IGNORE"]),
    note,
  })
  .superRefine((v, ctx) => {
    if (v.resolution === "IGNORE" && !v.note)
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: "A note is required to ignore a conflict.",
        params: { i18n: "ignoreNeedsNote" },
      });
  });
export type BulkResolveConflictsInput = z.input<typeof bulkResolveConflictsSchema>;

/** Parses a form's custom value: JSON when it looks like JSON, else the plain string. */
export function parseCustomValue(text: string): unknown {
  const trimmed = text.trim();
  if (/^[[{"]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return trimmed;
    }
  }
  return trimmed;
}

export type ConflictRow = {
  id: string;
  type: string;
  connectionId: string | null;
  connectionName: string | null;
  runId: string | null;
  subjectType: string;
  subjectKey: string;
  hrValue: unknown;
  imValue: unknown;
  detail: string | null;
  status: ConflictStatusName;
  resolution: ResolutionKind | null;
  note: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  occurrences: number;
  firstSeenAt: string;
  lastSeenAt: string;
};
