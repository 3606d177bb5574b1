"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/actions/action";
import { bulkResolveConflictsSchema, resolveConflictSchema } from "@/lib/conflict-queue/conflict-queue-schemas";
import { resolveConflict, resolveConflicts } from "@/lib/conflict-queue/resolve-conflicts";

export const resolveConflictAction = areaAction("conflicts", resolveConflictSchema, async (input, { actor }) => {
  const result = await resolveConflict(input, { actor });
  revalidatePath("/conflicts");
  return result;
});

export const bulkResolveConflictsAction = areaAction("conflicts", bulkResolveConflictsSchema, async (input, { actor }) => {
  const result = await resolveConflicts(input, { actor });
  revalidatePath("/conflicts");
  return result;
});
