import { z } from "zod";
import {
  DEFAULT_RETENTION_DAYS,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  RETENTION_KINDS,
  RETENTION_PARENTS,
  type RetentionKind,
} from "./retention-kinds";

const days = z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS);

/**
 * The admin's retention per kind: a number of days, or null for "use the default". A child kind
 * kept longer than its parent is refused, naming the child, because the parent's prune removes it.
 */
export const retentionSettingsSchema = z
  .object(
    Object.fromEntries(RETENTION_KINDS.map((k) => [k, days.nullable()])) as Record<
      RetentionKind,
      z.ZodNullable<typeof days>
    >,
  )
  .strict()
  .superRefine((value, ctx) => {
    for (const { parent, child } of RETENTION_PARENTS) {
      const c = value[child] ?? DEFAULT_RETENTION_DAYS[child];
      const p = value[parent] ?? DEFAULT_RETENTION_DAYS[parent];
      if (c > p)
        ctx.addIssue({
          code: "custom",
          path: [child],
          params: { i18n: "retentionLongerThanParent", maximum: p },
          message: `At most ${p} days: pruning the records these belong to removes them too`,
        });
    }
  });

export type RetentionSettingsInput = z.input<typeof retentionSettingsSchema>;
export type RetentionSettings = z.output<typeof retentionSettingsSchema>;
