"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/core/action";
import { applyMappingToSubtree } from "@/lib/org/commands/apply-mapping-to-subtree";
import { listImGroupsForLink } from "@/lib/org/queries/list-im-groups-for-link";
import {
  applyMappingToSubtreeSchema,
  listImGroupsForLinkSchema,
  saveMappingSchema,
} from "@/lib/org/org-mapping-schemas";
import { saveMapping } from "@/lib/org/commands/save-mapping";

export const saveMappingAction = areaAction("org", saveMappingSchema, async (input, ctx) => {
  const result = await saveMapping(input, ctx);
  revalidatePath("/org");
  return result;
});

export const applyMappingToSubtreeAction = areaAction(
  "org",
  applyMappingToSubtreeSchema,
  async (input, ctx) => {
    const result = await applyMappingToSubtree(input, ctx);
    revalidatePath("/org");
    return result;
  },
);

export const listImGroupsForLinkAction = areaAction(
  "org",
  listImGroupsForLinkSchema,
  async ({ connectionId }) => listImGroupsForLink(connectionId),
);
