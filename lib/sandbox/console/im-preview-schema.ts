import { z } from "zod";
import { noHostileText } from "@/lib/core/api/rules/no-hostile-text";

// Shared by the IM preview page, its client pieces and the rename action; imports no database code.

/** The preview's state lives in the URL so a view can be shared. */
export const imPreviewParamsSchema = z.object({
  dept: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  q: z
    .string()
    .trim()
    .max(64)
    .refine(...noHostileText)
    .optional()
    .catch(undefined),
  user: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine(...noHostileText)
    .optional()
    .catch(undefined),
  before: z.iso.datetime().optional().catch(undefined),
});
export type ImPreviewParams = z.output<typeof imPreviewParamsSchema>;

export const renameImDepartmentSchema = z.object({
  id: z.number().int().positive(),
  name: z
    .string()
    .trim()
    .min(1, "Name is required")
    .max(32, "At most 32 characters (a WeCom limit)"),
});
export type RenameImDepartmentInput = z.input<typeof renameImDepartmentSchema>;
