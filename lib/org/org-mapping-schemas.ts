import { z } from "zod";
import { parseNamingTemplate, PLACEHOLDERS } from "@/lib/sync/rules/parse-naming-template";

// DB-free: the mapping form and the server actions share these schemas.

/** MIRROR / LINK / EXCLUDE are stored; NONE removes the unit's own mapping. */
export const MAPPING_CHOICES = ["MIRROR", "LINK", "EXCLUDE", "NONE"] as const;
export type MappingChoice = (typeof MAPPING_CHOICES)[number];

function checkTemplate(
  value: { mode: MappingChoice; namingTemplate: string },
  ctx: z.RefinementCtx,
) {
  if (value.mode === "NONE") return;
  const parsed = parseNamingTemplate(value.namingTemplate);
  if (!parsed.ok)
    ctx.addIssue({
      code: "custom",
      path: ["namingTemplate"],
      message: parsed.message,
      params: {
        i18n: `template.${parsed.error}`,
        template: value.namingTemplate,
        placeholder: parsed.placeholder ?? "",
        placeholders: PLACEHOLDERS.map((p) => `{${p}}`).join(", "),
      },
    });
}

export const saveMappingSchema = z
  .object({
    connectionId: z.string().min(1),
    orgUnitId: z.string().min(1),
    mode: z.enum(MAPPING_CHOICES),
    includeDescendants: z.boolean(),
    namingTemplate: z.string().trim().max(200),
    /** IM group id for LINK, picked from the IM's live list. */
    imGroupExternalId: z.string().trim().max(200).optional(),
    /** Its display name, remembered so the screen can show it without asking the IM. */
    imGroupName: z.string().trim().max(200).optional(),
  })
  .superRefine((value, ctx) => {
    checkTemplate(value, ctx);
    if (value.mode === "LINK" && !value.imGroupExternalId) {
      ctx.addIssue({
        code: "custom",
        path: ["imGroupExternalId"],
        message: "Choose the IM group to link.",
        params: { i18n: "chooseImGroup" },
      });
    }
  });
export type SaveMappingInput = z.infer<typeof saveMappingSchema>;

/** Bulk: one mode for a unit and all its descendants, or for its descendants only. */
export const applyMappingToSubtreeSchema = z
  .object({
    connectionId: z.string().min(1),
    orgUnitId: z.string().min(1),
    mode: z.enum(["MIRROR", "EXCLUDE", "NONE"]),
    scope: z.enum(["unit_and_descendants", "descendants_only"]),
    namingTemplate: z.string().trim().max(200),
  })
  .superRefine(checkTemplate);
export type ApplyMappingToSubtreeInput = z.infer<typeof applyMappingToSubtreeSchema>;

export const listImGroupsForLinkSchema = z.object({ connectionId: z.string().min(1) });
export type ListImGroupsForLinkInput = z.infer<typeof listImGroupsForLinkSchema>;
